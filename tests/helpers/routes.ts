import type http from 'node:http';
import request from 'supertest';
import type { z } from 'zod';
import { apiRoutes } from '../../server/src/modules';
import {
  buildOpenApiDocument,
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiOperation,
  openApiPath,
} from '../../server/src/platform/http/openapi';
import type { HttpMethod, MultipartBody, ResponseShape } from '../../server/src/platform/http/route';
import type { TestApp } from './app';

/**
 * The route declarations (server/src/modules/index.ts, apiRoutes) as test
 * input: every operation with its OpenAPI description, a way to fill in its
 * path, a valid sample of its JSON body, and one way to send a request and
 * read the answer. Used by the authorization matrix and the fuzz test so both
 * follow the declarations.
 */
export interface Operation {
  method: HttpMethod;
  /** OpenAPI style: '/offers/{id}'. */
  path: string;
  tag: string;
  summary: string;
  /** Needs `Authorization: Bearer <access token>`. */
  auth: boolean;
  /** Authentication is accepted (it changes what is shown) but not required. */
  optionalAuth: boolean;
  body?: z.ZodType | MultipartBody;
  query?: z.ZodType;
  responses: Record<number, string>;
  responseShape?: ResponseShape;
  errors?: number[];
}

export const operations: Operation[] = apiRoutes.map((r) => ({
  method: r.method,
  path: openApiPath(r.path),
  tag: r.tag,
  summary: r.summary,
  auth: r.access === 'user' || r.access === 'admin',
  optionalAuth: r.access === 'optional',
  body: r.body,
  query: r.query,
  responses: r.responses,
  responseShape: r.responseShape,
  errors: r.errors,
}));

/** `get /offers/{id}`: how operations are named in messages and maps. */
export const opKey = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;

export const pathParamNames = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

export const isMultipart = (op: Operation): boolean =>
  typeof op.body === 'object' && op.body !== null && (op.body as MultipartBody).multipart === true;

let documentCache: OpenApiDocument | undefined;
export function openApiDocument(): OpenApiDocument {
  documentCache ??= buildOpenApiDocument(apiRoutes);
  return documentCache;
}

export function describedOperation(op: Operation): OpenApiOperation {
  const described = openApiDocument().paths[op.path]?.[op.method];
  if (!described) throw new Error(`${opKey(op)} is not in the OpenAPI document`);
  return described;
}

/** The JSON request body schema of an operation, if it takes JSON. */
export function jsonBodySchema(op: Operation): JsonSchema | undefined {
  return describedOperation(op).requestBody?.content['application/json']?.schema;
}

/** The query parameters of an operation, by name. */
export function queryParameters(op: Operation): Record<string, { required: boolean; schema: JsonSchema }> {
  const out: Record<string, { required: boolean; schema: JsonSchema }> = {};
  for (const p of describedOperation(op).parameters ?? []) {
    if (p.in === 'query') out[p.name] = { required: p.required, schema: p.schema };
  }
  return out;
}

/** Fills `{name}` placeholders; values are URL-encoded unless `raw` (for fuzzing with pre-encoded junk). */
export function fillPath(path: string, params: Record<string, string>, raw = false): string {
  return `/api${path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for path parameter {${name}} of ${path}`);
    return raw ? value : encodeURIComponent(value);
  })}`;
}

// ---- Valid samples from JSON Schema (the subset zod's toJSONSchema emits for our schemas).

/** Well-known `pattern`s of the shared schemas, with a value that matches each. */
const patternSamples: [RegExp, string][] = [
  [/^\^\[a-f0-9\]\{24\}\$$/, '0123456789abcdef01234567'],
  [/\\d\{10\}/, '0312345678'],
];

function stringSample(schema: JsonSchema): string {
  const format = schema.format as string | undefined;
  if (format === 'date') return '2026-03-15';
  if (format === 'date-time') return '2026-03-15T08:30:00Z';
  if (format === 'email') return 'sample@example.vn';
  if (format === 'uri') return 'https://example.vn/profile';
  const pattern = schema.pattern as string | undefined;
  if (pattern) {
    const known = patternSamples.find(([re]) => re.test(pattern));
    if (known) return known[1];
  }
  const min = (schema.minLength as number | undefined) ?? 0;
  const max = (schema.maxLength as number | undefined) ?? 1000;
  let text = 'Mẫu thử nghiệm hợp lệ';
  while (text.length < min) text += ' mẫu thử';
  return text.slice(0, Math.max(min, Math.min(max, text.length)));
}

/**
 * A value that satisfies `schema` as far as JSON Schema says (refinements are
 * not described; callers override those bodies). Objects get every property,
 * so the fuzz test has a field to break everywhere.
 */
export function sampleOf(schema: JsonSchema | undefined): unknown {
  if (!schema) return {};
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (options?.length) return sampleOf(options.find((o) => o.type !== 'null') ?? options[0]);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, sampleOf(v)]));
    }
    case 'array': {
      const count = Math.max(1, (schema.minItems as number | undefined) ?? 0);
      return Array.from({ length: count }, () => sampleOf(schema.items as JsonSchema));
    }
    case 'string':
      return stringSample(schema);
    case 'integer':
    case 'number': {
      const min = (schema.minimum as number | undefined) ?? 1;
      const max = (schema.maximum as number | undefined) ?? Number.MAX_SAFE_INTEGER;
      return Math.min(max, Math.max(min, 1));
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return 'x';
  }
}

// ---- Sending requests and reading any answer as bytes.

export interface Upload {
  /** Form field of the file; omitted to send a multipart body without a file. */
  field?: string;
  filename?: string;
  content?: Buffer;
  /** Text fields sent beside the file. */
  fields?: Record<string, string>;
  /** A second file (multer accepts one). */
  extraFile?: boolean;
}

export interface ApiRequest {
  method: Operation['method'];
  /** Full path from the server root, query string included (`/api/offers?x=1`). */
  url: string;
  headers?: Record<string, string>;
  /** A JSON value, serialised here. */
  json?: unknown;
  /** A raw body, sent as is with `contentType`. */
  raw?: { text: string | Buffer; contentType: string };
  upload?: Upload;
}

export interface ApiReply {
  status: number;
  contentType: string;
  /** The body as text (UTF-8), whatever its type. */
  text: string;
  /** The parsed body when it is JSON. */
  json: unknown;
}

const collectBytes = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
  stream.on('error', (err: Error) => cb(err, Buffer.alloc(0)));
};

export async function send(server: http.Server | string, req: ApiRequest): Promise<ApiReply> {
  let pending = request(server)[req.method](req.url);
  if (req.headers) pending = pending.set(req.headers);
  if (req.upload) {
    const u = req.upload;
    for (const [name, value] of Object.entries(u.fields ?? {})) pending = pending.field(name, value);
    if (u.field !== undefined)
      pending = pending.attach(u.field, u.content ?? Buffer.alloc(0), u.filename ?? 'file.bin');
    if (u.extraFile) pending = pending.attach(u.field ?? 'file', Buffer.from('%PDF-1.4\n'), 'second.pdf');
    if (u.field === undefined && !u.extraFile && !Object.keys(u.fields ?? {}).length) {
      // An empty multipart body: superagent needs at least one part to send one.
      pending = pending.field('empty', '');
    }
  } else if (req.raw) {
    pending = pending.set('Content-Type', req.raw.contentType).send(req.raw.text);
  } else if (req.json !== undefined) {
    pending = pending.set('Content-Type', 'application/json').send(JSON.stringify(req.json));
  }
  const res = await pending
    .buffer(true)
    .parse(collectBytes)
    .ok(() => true);
  const contentType = String(res.headers['content-type'] ?? '');
  const text = Buffer.isBuffer(res.body) ? res.body.toString('utf8') : String(res.text ?? '');
  let json: unknown;
  if (/json/.test(contentType)) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: res.status, contentType, text, json };
}

/** Problems with an answer every request must meet: never a 5xx; a 4xx names its error as `{ error: { code, message } }`. */
export function contractProblems(reply: ApiReply): string[] {
  if (reply.status >= 500) return [`answered ${reply.status}: ${reply.text.slice(0, 300)}`];
  if (reply.status >= 400) {
    const error = (reply.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    if (typeof error?.code !== 'string' || !error.code || typeof error.message !== 'string')
      return [`answered ${reply.status} without an { error: { code, message } } body: ${reply.text.slice(0, 200)}`];
  }
  return [];
}

/** A request in one line for failure messages, bodies shortened. */
export function describeRequest(req: ApiRequest, actor?: string): string {
  const body =
    req.json !== undefined
      ? ` json=${truncate(safeStringify(req.json), 300)}`
      : req.raw
        ? ` raw(${req.raw.contentType})=${truncate(String(req.raw.text), 200)}`
        : req.upload
          ? ` multipart(field=${req.upload.field ?? '-'}, filename=${truncate(req.upload.filename ?? '-', 80)}, ${req.upload.content?.length ?? 0} bytes, fields=${truncate(safeStringify(req.upload.fields ?? {}), 120)}${req.upload.extraFile ? ', 2 files' : ''})`
          : '';
  return `${actor ? `[${actor}] ` : ''}${req.method.toUpperCase()} ${truncate(req.url, 300)}${body}`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s;
}

function safeStringify(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** A semaphore: wraps async work so that at most `n` run at once. */
export function createLimiter(n: number): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next waiter.
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

// ---- The Express router, walked (as tests/openapi.test.ts does, to check the table is complete).

interface RouterLayer {
  route?: { path: string | RegExp | string[]; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
  rawPath?: string | RegExp | unknown[];
  match?(path: string): boolean;
}

/**
 * Every (method, path) the server registers under /api, paths in OpenAPI style
 * relative to /api.
 */
export function registeredRoutes(app: TestApp['app']['app']): string[] {
  const out: string[] = [];
  const walk = (stack: RouterLayer[], prefix = '') => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const p of paths) {
          if (typeof p !== 'string') throw new Error(`Non-string route path under /api: ${String(p)}`);
          const full = prefix && p === '/' ? prefix : `${prefix}${p}`;
          for (const method of Object.keys(layer.route.methods)) {
            if (method === '_all') continue;
            out.push(`${method} ${full.replace(/:(\w+)/g, '{$1}')}`);
          }
        }
      } else if (layer.handle?.stack) {
        // A router used under a path (mountRoutes groups routes by their first segment).
        const under = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, `${prefix}${under}`);
      }
    }
  };
  const top = (app as unknown as { router: { stack: RouterLayer[] } }).router.stack;
  const apiRouters = top.filter((l) => !l.route && l.handle?.stack && l.match?.('/api/health'));
  if (apiRouters.length !== 1) throw new Error(`Expected one /api router, found ${apiRouters.length}`);
  walk(apiRouters[0].handle!.stack!);
  return out;
}

// ---- A seeded PRNG (mulberry32), so a failing run can be replayed from its seed.

export interface Rng {
  seed: number;
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}
