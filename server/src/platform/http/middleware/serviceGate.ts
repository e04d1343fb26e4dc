import type { RequestHandler, Response } from 'express';
import type { ServiceHealth, ServiceName, ServiceState } from '../../services/supervisor';

/** Routes that never touch a service: health checks (they report the outage), the API description, the taxonomies. */
const UNGATED = /^\/(health(\/|$)|openapi\.json$|docs(\/|$)|taxonomies(\/|$))/;

const WHAT: Record<ServiceName, string> = { db: 'The database', search: 'Search' };

/**
 * Answers 503 at once while a service a route needs is restarting or failed
 * (mounted on /api): without it, a request waits for the driver to give up on
 * a server that is not there (serverSelectionTimeoutMS), holding a connection
 * and a slot in the client's patience. Every /api route needs the database;
 * /api/search needs search too. External services are always `up` here: their
 * outages are noticed by the driver (see platform/db.ts) and mapped by the
 * error handler.
 */
export function serviceGate(health: ServiceHealth | undefined): RequestHandler {
  if (!health) return (_req, _res, next) => next();
  return (req, res, next) => {
    if (UNGATED.test(req.path)) return next();
    const db = health.state('db');
    if (db !== 'up') return unavailable(res, 'db', db);
    if (req.path === '/search' || req.path.startsWith('/search/')) {
      const search = health.state('search');
      if (search !== 'up') return unavailable(res, 'search', search);
    }
    next();
  };
}

function unavailable(res: Response, name: ServiceName, state: ServiceState): void {
  // A restart takes about a second after its back-off; a failed service needs the app restarted.
  res.setHeader('Retry-After', state === 'restarting' ? '2' : '60');
  res.status(503).json({
    error: {
      code: 'unavailable',
      message:
        state === 'restarting'
          ? `${WHAT[name]} is restarting, try again in a few seconds`
          : `${WHAT[name]} is unavailable`,
    },
  });
}
