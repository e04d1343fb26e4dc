import request from 'supertest';
import { apiRoutes } from '../server/src/modules';
import { buildOpenApiDocument, type JsonSchema, type OpenApiDocument } from '../server/src/platform/http/openapi';
import { startTestApp, type TestApp } from './helpers/app';
import { buildOrg, PASSWORD } from './helpers/factories';
import { registeredRoutes } from './helpers/routes';

// ---- A tiny JSON Schema checker: $ref (local), type, enum, required, properties, additionalProperties, items.

function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = doc.components.schemas[name];
  if (!target) throw new Error(`Unresolvable $ref ${ref}`);
  return target;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Returns the list of violations, each as `path: problem`; empty when `value` conforms. */
function check(doc: OpenApiDocument, raw: JsonSchema, value: unknown, at = '$'): string[] {
  const schema = resolve(doc, raw);
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const actual = typeOf(value);
    const ok = allowed.some((t) => t === actual || (t === 'number' && actual === 'integer'));
    if (!ok) return [`${at}: expected ${allowed.join('|')}, got ${actual}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    errors.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in obj)) errors.push(`${at}: missing required ${key}`);
    }
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) errors.push(...check(doc, props[key], v, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected property ${key}`);
      else if (typeof schema.additionalProperties === 'object') {
        errors.push(...check(doc, schema.additionalProperties as JsonSchema, v, `${at}.${key}`));
      }
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => {
      errors.push(...check(doc, schema.items as JsonSchema, item, `${at}[${i}]`));
    });
  }
  return errors;
}

function responseSchema(doc: OpenApiDocument, method: string, path: string, status: number): JsonSchema {
  const response = doc.paths[path]?.[method]?.responses[String(status)];
  if (!response) throw new Error(`${method.toUpperCase()} ${path} does not document ${status}`);
  const schema = response.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} ${status} has no JSON schema`);
  return schema;
}

describe('OpenAPI description', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await request(t.app.server).get('/api/openapi.json').expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
  });

  it('is served at /api/openapi.json as OpenAPI 3.1 and matches the built document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('TechBridge API');
    expect(doc.servers).toEqual([{ url: '/api' }]);
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(apiRoutes))));
  });

  it('documents every route the server registers', () => {
    const registered = registeredRoutes(t.app.app);
    expect(registered.length).toBeGreaterThan(60);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`)),
    );
    const missing = registered.filter((r) => !documented.has(r));
    if (missing.length) console.log(`Routes missing from the OpenAPI document:\n${missing.join('\n')}`);
    expect(missing).toEqual([]);
    // And nothing documented that the server does not serve.
    const extra = [...documented].filter((d) => !registered.includes(d));
    expect(extra).toEqual([]);
  });

  it('describes parameters, bodies, security and errors consistently', () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method.toUpperCase()} ${path}`;
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect({ where, params: declared }).toEqual({ where, params: pathParams });
        expect(op.responses['500']?.content?.['application/json']?.schema).toEqual({
          $ref: '#/components/schemas/Error',
        });
        if (op.security?.some((s) => 'bearer' in s) && !op.security.some((s) => !('bearer' in s))) {
          expect({ where, has401: '401' in op.responses }).toEqual({ where, has401: true });
        }
      }
    }
    const login = doc.paths['/auth/login'].post;
    expect(login.requestBody?.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['email', 'password']),
    });
    const upload = doc.paths['/offers/{id}/attachments'].post.requestBody?.content['multipart/form-data'].schema;
    expect(upload).toMatchObject({ properties: { file: { type: 'string', format: 'binary' } } });
    const search = doc.paths['/search'].get.parameters?.map((p) => p.name);
    expect(search).toEqual(expect.arrayContaining(['q', 'type', 'sector', 'page', 'limit']));
  });

  it('real responses conform to the documented schemas', async () => {
    const server = t.app.server;
    const conform = (method: string, path: string, status: number, body: unknown) => {
      const errors = check(doc, responseSchema(doc, method, path, status), body);
      if (errors.length) console.log(`${method.toUpperCase()} ${path} ${status}:\n${errors.join('\n')}`);
      expect(errors).toEqual([]);
    };

    const health = await request(server).get('/api/health');
    expect(health.status).toBe(200);
    conform('get', '/health', 200, health.body);

    const member = await buildOrg(t);
    const login = await request(server).post('/api/auth/login').send({ email: member.email, password: PASSWORD });
    expect(login.status).toBe(200);
    conform('post', '/auth/login', 200, login.body);

    const badLogin = await request(server).post('/api/auth/login').send({ email: member.email, password: 'wrong' });
    expect(badLogin.status).toBe(401);
    conform('post', '/auth/login', 401, badLogin.body);

    const search = await request(server).get('/api/search?q=');
    expect(search.status).toBe(200);
    conform('get', '/search', 200, search.body);

    const invalid = await request(server).post('/api/offers').set(member.auth).send({ title: 1 });
    expect(invalid.status).toBe(400);
    conform('post', '/offers', 400, invalid.body);

    const unauthenticated = await request(server).post('/api/offers').send({});
    expect(unauthenticated.status).toBe(401);
    conform('post', '/offers', 401, unauthenticated.body);

    const mine = await request(server).get('/api/offers/mine').set(member.auth);
    expect(mine.status).toBe(200);
    conform('get', '/offers/mine', 200, mine.body);

    // The checker itself notices a non-conforming body.
    expect(check(doc, responseSchema(doc, 'get', '/health', 200), { status: 'ok', db: 1 })).toEqual([
      '$: missing required search',
      '$.db: expected string, got integer',
    ]);
  });

  it('serves Swagger UI at /api/docs from our own origin, under our content security policy', async () => {
    const res = await request(t.app.server).get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('TechBridge API');
    // No inline script: every script is a file of this origin, which the policy allows and nothing else.
    const scripts = [...res.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe('');
      expect(attributes).toMatch(/src="\/api\/docs\/assets\//);
    }
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    for (const [, attributes] of scripts) {
      const src = /src="([^"]+)"/.exec(attributes)![1];
      const asset = await request(t.app.server).get(src);
      expect({ src, status: asset.status }).toEqual({ src, status: 200 });
    }
    // The page is pointed at the generated document, and logging in through it authorizes the page.
    const init = await request(t.app.server).get('/api/docs/assets/init.js');
    expect(init.text).toContain("url: '/api/openapi.json'");
    expect(init.text).toContain('preauthorizeApiKey');
  });
});
