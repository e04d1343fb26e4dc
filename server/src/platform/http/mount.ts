import { type Request, type RequestHandler, Router } from 'express';
import type { Passport } from 'passport';
import { optionalAuth, requireAdmin, requireAuth } from './middleware/auth';
import type { RateLimits } from './middleware/rateLimit';
import { validate } from './middleware/validate';
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
 */
export function mountRoutes<C extends MountContext>(ctx: C, routes: AnyRoute<C>[]): Router {
  const router = Router();
  const auth = {
    public: [] as RequestHandler[],
    optional: [optionalAuth(ctx.passport)],
    user: [requireAuth(ctx.passport)],
    admin: [requireAuth(ctx.passport), requireAdmin],
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
    router[spec.method](
      spec.path,
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
        if (result !== undefined && !res.headersSent) res.json(result);
      },
    );
  }
  return router;
}
