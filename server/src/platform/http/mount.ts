import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { Passport } from 'passport';
import { optionalAuth, requireAdmin, requireAuth } from './middleware/auth';
import type { RateLimits } from './middleware/rateLimit';
import { validate } from './middleware/validate';
import { safeJson } from './pages';
import { type AnyRoute, isSchema, paramSchema, pathParams } from './route';

export interface MountContext {
  passport: InstanceType<typeof Passport>;
  rateLimits: RateLimits;
}

/**
 * Registers declared routes on a router, each as the same recipe: its rate
 * limit, then authentication (401), then validation of the path parameters,
 * query and JSON body against the declared schemas (400 naming each field),
 * then the handler. A handler that returns a value answers it as JSON.
 *
 * Routes are grouped under their first path segment (`/offers`, `/search`),
 * one router each, in declaration order within a group: a request is
 * matched against the ~30 groups and then its group's routes, not against
 * every route declared before its own (the search route was the 52nd).
 */
export function mountRoutes<C extends MountContext>(ctx: C, routes: AnyRoute<C>[]): Router {
  const router = Router();
  const auth = {
    public: [] as RequestHandler[],
    optional: [optionalAuth(ctx.passport)],
    user: [requireAuth(ctx.passport)],
    admin: [requireAuth(ctx.passport), requireAdmin],
  };
  const groups = new Map<string, Router>();
  const groupOf = (path: string): { router: Router; path: string } => {
    const [, segment, ...rest] = path.split('/');
    // A parameter or pattern as the first segment would match across groups: such a route stays on the main router.
    if (!/^[\w.-]+$/.test(segment)) return { router, path };
    let group = groups.get(segment);
    if (!group) {
      group = Router();
      groups.set(segment, group);
      router.use(`/${segment}`, group);
    }
    return { router: group, path: `/${rest.join('/')}` };
  };
  for (const spec of routes) {
    const limit = spec.rateLimit
      ? [
          typeof spec.rateLimit === 'string'
            ? ctx.rateLimits.http(spec.rateLimit, undefined, `${spec.method} ${spec.path}`)
            : ctx.rateLimits.http(spec.rateLimit.name, spec.rateLimit.key, `${spec.method} ${spec.path}`),
        ]
      : [];
    const names = pathParams(spec.path);
    const mounted = groupOf(spec.path);
    mounted.router[spec.method](
      mounted.path,
      // Authentication first, so a limit can be counted per user.
      ...auth[spec.access as keyof typeof auth],
      ...limit,
      ...(spec.before?.(ctx) ?? []),
      async (req: Request, res) => {
        const params = Object.fromEntries(
          names.map((name) => [name, validate(paramSchema(spec, name), req.params[name], name)]),
        );
        const query = spec.query ? validate(spec.query, req.query) : undefined;
        const body = isSchema(spec.body) ? validate(spec.body, req.body ?? {}) : undefined;
        const result = await spec.handler({ ctx, params, query, body, user: req.user ?? null, req, res });
        if (result !== undefined && !res.headersSent) answerJson(res, result);
      },
    );
  }
  return router;
}

/**
 * `res.json` as the app sets it up (`json escape`: see safeJson), without
 * `res.send`'s generic work: a Buffer copy of the body (a search page is
 * ~30 KB) and freshness checks an answer without an ETag never passes.
 */
function answerJson(res: Response, value: unknown): void {
  const body = safeJson(value);
  if (!res.hasHeader('content-type')) res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
