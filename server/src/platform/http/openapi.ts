import { z } from 'zod';
import { type AnyRoute, isMultipart, isSchema, type MultipartBody, pathParams, type ResponseShape } from './route';

/** A JSON Schema object (the subset OpenAPI 3.1 uses is plain JSON Schema 2020-12). */
export type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  security?: Record<string, string[]>[];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string }[];
  components: {
    securitySchemes: Record<string, Record<string, string>>;
    schemas: Record<string, JsonSchema>;
  };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

const errorRef = { $ref: '#/components/schemas/Error' };

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable machine-readable code, e.g. validation, not_found' },
        message: { type: 'string' },
        fields: {
          type: 'object',
          description: 'Per-field error codes (validation errors)',
          additionalProperties: { type: 'string' },
        },
        errorId: { type: 'string', description: 'Id of the logged error (500 only)' },
      },
    },
  },
};

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input (code `validation` with `fields`, or `bad_request`)',
  401: 'Missing, invalid or expired access token / credentials',
  403: 'Not allowed for this user',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Body or file too large',
  415: 'Unsupported file type',
  429: 'Too many requests',
  500: 'Unexpected server error (with `errorId`)',
  503: 'A dependency is unavailable',
};

const countMap: JsonSchema = { type: 'object', additionalProperties: { type: 'integer' } };

const responseSchemas: Record<Exclude<ResponseShape, 'none' | 'file' | 'html'>, JsonSchema> = {
  health: {
    type: 'object',
    required: ['status', 'db', 'search'],
    properties: {
      status: { type: 'string', enum: ['ok', 'error'] },
      db: { type: 'string', enum: ['up', 'down'] },
      search: { type: 'string', enum: ['up', 'down'] },
    },
  },
  login: {
    type: 'object',
    required: ['accessToken', 'user'],
    properties: {
      accessToken: { type: 'string' },
      user: {
        type: 'object',
        required: [
          'id',
          'email',
          'name',
          'role',
          'orgRole',
          'organizationId',
          'locale',
          'emailVerified',
          'pendingEmail',
          'createdAt',
        ],
        properties: {
          id: { type: 'string' },
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string', enum: ['user', 'admin'] },
          orgRole: { type: ['string', 'null'] },
          organizationId: { type: ['string', 'null'] },
          locale: { type: 'string', enum: ['vi', 'en'] },
          emailVerified: { type: 'boolean' },
          pendingEmail: { type: ['string', 'null'] },
          createdAt: { type: 'string' },
        },
      },
    },
  },
  search: {
    type: 'object',
    required: ['hits', 'facets', 'total', 'page', 'limit'],
    properties: {
      hits: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'type', 'title', 'summary', 'organization', 'sectors', 'province', 'highlight'],
          properties: {
            id: { type: 'string' },
            type: { type: 'string', enum: ['offer', 'demand'] },
            title: { type: 'string' },
            summary: { type: 'string' },
            organization: {
              type: 'object',
              required: ['id', 'name'],
              properties: { id: { type: 'string' }, name: { type: 'string' } },
            },
            sectors: { type: 'array', items: { type: 'string' } },
            province: { type: 'string' },
            trl: { type: ['integer', 'null'] },
            ipStatus: { type: ['string', 'null'] },
            transferModes: { type: 'array', items: { type: 'string' } },
            publishedAt: { type: ['string', 'null'] },
            highlight: {
              type: 'object',
              required: ['title', 'summary'],
              properties: { title: { type: 'string' }, summary: { type: 'string' } },
            },
          },
        },
      },
      facets: {
        type: 'object',
        properties: Object.fromEntries(
          ['sector', 'province', 'trl', 'ipStatus', 'transferMode', 'orgType', 'type'].map((k) => [k, countMap]),
        ),
      },
      total: { type: 'integer' },
      page: { type: 'integer' },
      limit: { type: 'integer' },
    },
  },
  envelope: {
    type: 'object',
    required: ['data'],
    properties: { data: {} },
  },
  json: { type: 'object' },
};

/** Response body schema of a success response, or undefined when it has no JSON body. */
export function responseSchemaOf(shape: ResponseShape): JsonSchema | undefined {
  return shape === 'none' || shape === 'file' || shape === 'html' ? undefined : responseSchemas[shape];
}

/**
 * zod → JSON Schema as the client sends it (`io: 'input'`: defaulted fields are optional,
 * coerced fields keep their input type). `unrepresentable: 'any'` turns transforms into {}.
 * Refinements (.refine) are not representable and are simply not described.
 */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  try {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    const { $schema: _dialect, ...rest } = json;
    return rest;
  } catch {
    // Cannot be represented (should not happen with unrepresentable: 'any'): describe nothing.
    return {};
  }
}

/** `/offers/:id` → `/offers/{id}`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

function pathParameters(route: AnyRoute): OpenApiParameter[] {
  return pathParams(route.path).map((name) => {
    const declared = route.params?.[name];
    return {
      name,
      in: 'path',
      required: true,
      schema: declared ? toJsonSchema(declared) : { type: 'string', pattern: '^[a-fA-F0-9]{24}$' },
    };
  });
}

function queryParameters(schema: z.ZodType): OpenApiParameter[] {
  const json = toJsonSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, propSchema]) => {
    const { description, ...rest } = propSchema;
    return {
      name,
      in: 'query' as const,
      required: required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function requestBody(body: z.ZodType | MultipartBody): OpenApiOperation['requestBody'] {
  if (isMultipart(body)) {
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: {
              file: { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' },
              ...(body.fields ?? {}),
            },
          },
        },
      },
    };
  }
  return { required: true, content: { 'application/json': { schema: toJsonSchema(body) } } };
}

const requiresAuth = (route: AnyRoute) => route.access === 'user' || route.access === 'admin';

function errorStatuses(route: AnyRoute): number[] {
  const statuses = new Set<number>([500, ...(route.errors ?? [])]);
  const hasParams = pathParams(route.path).length > 0;
  if (route.body || route.query || hasParams) statuses.add(400);
  if (requiresAuth(route)) statuses.add(401);
  if (route.access === 'admin') statuses.add(403);
  if (hasParams) statuses.add(404);
  if (isSchema(route.body)) statuses.add(413);
  if (route.rateLimit) statuses.add(429);
  return [...statuses].filter((s) => !(String(s) in route.responses)).sort((a, b) => a - b);
}

const operationId = (route: AnyRoute) =>
  route.method +
  openApiPath(route.path)
    .split(/[/-]/)
    .filter(Boolean)
    .map((part) => {
      const word = part.replace(/^\{(\w+)\}$/, 'By_$1').replace(/[^\w]/g, '');
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .join('');

function buildOperation(op: AnyRoute): OpenApiOperation {
  const shape = op.responseShape ?? 'envelope';
  const schema = responseSchemaOf(shape);
  const responses: OpenApiOperation['responses'] = {};
  for (const [status, description] of Object.entries(op.responses)) {
    const code = Number(status);
    responses[status] =
      code === 204 || shape === 'none'
        ? { description }
        : shape === 'html'
          ? { description, content: { 'text/html': { schema: { type: 'string' } } } }
          : shape === 'file'
            ? { description, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }
            : { description, content: { 'application/json': { schema: schema ?? {} } } };
  }
  for (const status of errorStatuses(op)) {
    responses[String(status)] = {
      description: errorDescriptions[status] ?? 'Error',
      content: { 'application/json': { schema: errorRef } },
    };
  }
  const parameters = [...pathParameters(op), ...(op.query ? queryParameters(op.query) : [])];
  return {
    operationId: operationId(op),
    tags: [op.tag],
    summary: op.summary,
    ...(requiresAuth(op)
      ? { security: [{ bearer: [] }] }
      : op.access === 'optional'
        ? { security: [{}, { bearer: [] }] }
        : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: requestBody(op.body) } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 description of the API, built from the route declarations and the shared zod schemas. */
export function buildOpenApiDocument(routes: AnyRoute[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const tags: string[] = [];
  for (const op of routes) {
    const path = openApiPath(op.path);
    paths[path] ??= {};
    if (paths[path][op.method]) throw new Error(`Duplicate operation ${op.method.toUpperCase()} ${path}`);
    paths[path][op.method] = buildOperation(op);
    if (!tags.includes(op.tag)) tags.push(op.tag);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'TechBridge API',
      version: '0.1.0',
      description:
        'Technology supply–demand marketplace. Authenticate with `Authorization: Bearer <accessToken>` from ' +
        '/auth/login or /auth/register; /auth/refresh uses the httpOnly refresh cookie.',
    },
    servers: [{ url: '/api' }],
    tags: tags.map((name) => ({ name })),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
