import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { AuthUser } from '../principal';
import type { LimitName } from './middleware/rateLimit';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * Who may call a route, checked before anything else: anyone (`public`),
 * anyone but a signed-in caller sees more (`optional`: a bad token is still
 * a 401), signed-in users (`user`), platform administrators (`admin`).
 */
export type Access = 'public' | 'optional' | 'user' | 'admin';

/** A multipart/form-data upload with one binary `file` field (plus optional text fields). */
export interface MultipartBody {
  multipart: true;
  fields?: Record<string, { type: 'string'; description?: string }>;
}

/** Names of the response body shapes the OpenAPI document knows how to describe. */
export type ResponseShape = 'health' | 'login' | 'search' | 'envelope' | 'file' | 'html' | 'none' | 'json';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type Caller<A extends Access> = A extends 'user' | 'admin' ? AuthUser : A extends 'optional' ? AuthUser | null : null;

/** What a handler receives: the validated path parameters, query and body, and the caller. */
export interface Call<P, Q, B, A extends Access, C> {
  ctx: C;
  params: P;
  query: Out<Q>;
  body: Out<B>;
  user: Caller<A>;
  req: Request;
  res: Response;
}

/**
 * A route, declared once: the handler and everything the OpenAPI document
 * says about it (tests/openapi.test.ts and the generated document read the
 * same declarations). Handlers stay short: load, authorize, call a command,
 * present.
 */
export interface RouteSpec<C = unknown, Q = unknown, B = unknown, A extends Access = Access> {
  method: HttpMethod;
  /** Express style, relative to /api: '/offers/:id'. */
  path: string;
  tag: string;
  summary: string;
  access: A;
  /** Path parameters other than ids (names ending in `id`/`Id` are MongoDB ids unless given here). */
  params?: Record<string, z.ZodType<string>>;
  query?: Q;
  body?: B;
  /** The route's own budget (see middleware/rateLimit.ts), optionally keyed by something other than the address. */
  rateLimit?: LimitName | { name: LimitName; key: (req: Request) => string };
  /** Extra middleware before the handler (e.g. a page's own content security policy). */
  before?: (ctx: C) => RequestHandler[];
  /** Success responses: status → description. Error responses are derived (see openapi.ts). */
  responses: Record<number, string>;
  /** Body shape of the success responses; defaults to the `{ data }` envelope. */
  responseShape?: ResponseShape;
  /** Error statuses this route can answer beyond the derived ones. */
  errors?: number[];
  handler: (call: Call<Record<string, string>, Q, B, A, C>) => Promise<unknown> | unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of routes mixes every query, body and access type.
export type AnyRoute<C = any> = RouteSpec<C, any, any, any>;

/**
 * `route` for an app's context type: declares a route, with the handler's
 * input typed from the schemas given (`const route = routeFor<AppContext>()`).
 */
export function routeFor<C>() {
  return <
    Q extends z.ZodType | undefined = undefined,
    B extends z.ZodType | MultipartBody | undefined = undefined,
    A extends Access = Access,
  >(
    spec: RouteSpec<C, Q, B, A>,
  ): RouteSpec<C, Q, B, A> => spec;
}

export const isMultipart = (body: unknown): body is MultipartBody =>
  typeof body === 'object' && body !== null && (body as MultipartBody).multipart === true;

export const isSchema = (body: unknown): body is z.ZodType => body instanceof z.ZodType;

/** The `:name` parameters of an Express path. */
export const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);

/** Ids in paths are MongoDB ObjectIds, checked before the handler runs (a 400 naming the parameter). */
export const objectIdParam = z.string().regex(/^[a-f0-9]{24}$/i, 'object_id');

export function paramSchema(spec: Pick<RouteSpec, 'params'>, name: string): z.ZodType<string> {
  return spec.params?.[name] ?? objectIdParam;
}
