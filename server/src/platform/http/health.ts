import type { Response } from 'express';
import type { Db } from '../db';
import type { Lifecycle } from '../lifecycle';
import type { Search } from '../search/client';
import type { ServiceHealth, ServiceName, ServiceState } from '../services/supervisor';
import { routeFor } from './route';

export interface HealthContext {
  db: Db;
  search: Search;
  lifecycle: Lifecycle;
  services?: ServiceHealth;
}

const route = routeFor<HealthContext>();
const NAMES: ServiceName[] = ['db', 'search'];
const state = (ctx: HealthContext, name: ServiceName): ServiceState => ctx.services?.state(name) ?? 'up';

/**
 * Readiness: the database and search answer, and the instance is not
 * draining. A service the supervisor is restarting is reported as such
 * without being pinged; one it reports `up` is pinged (it may be up but
 * unreachable, or external). A 503 names the part that is not `up`: `down`,
 * `restarting` or `failed`.
 */
async function ready(ctx: HealthContext, res: Response) {
  const [dbState, searchState] = [state(ctx, 'db'), state(ctx, 'search')];
  const [db, search] = await Promise.all([
    dbState === 'up' ? ctx.db.ping().then((ok) => (ok ? 'up' : 'down')) : dbState,
    searchState === 'up' ? ctx.search.healthy().then((ok) => (ok ? 'up' : 'down')) : searchState,
  ]);
  const draining = ctx.lifecycle.draining;
  const ok = db === 'up' && search === 'up' && !draining;
  res.status(ok ? 200 : 503);
  return { status: ok ? 'ok' : draining ? 'draining' : 'error', db, search };
}

/**
 * Liveness (`/health/live`) and readiness (`/health/ready` and `/health`).
 * Liveness: the process answers, and no embedded service is `failed` (could
 * not be restored by its supervisor): then only a restart of the app helps,
 * so the 503 names the failed service.
 */
export const healthRoutes = [
  route({
    method: 'get',
    path: '/health',
    tag: 'System',
    summary: 'Readiness: the database and search answer and the instance is not draining',
    access: 'public',
    responses: { 200: 'Everything is up', 503: 'A dependency is down (named in the body) or the instance is stopping' },
    responseShape: 'health',
    handler: ({ ctx, res }) => ready(ctx, res),
  }),
  route({
    method: 'get',
    path: '/health/ready',
    tag: 'System',
    summary: 'Readiness, for load balancers (same answer as /health)',
    access: 'public',
    responses: { 200: 'Ready for traffic', 503: 'A dependency is down or the instance is stopping' },
    responseShape: 'health',
    handler: ({ ctx, res }) => ready(ctx, res),
  }),
  route({
    method: 'get',
    path: '/health/live',
    tag: 'System',
    summary: 'Liveness: the process answers and no embedded service failed beyond repair',
    access: 'public',
    responses: { 200: 'Alive', 503: 'An embedded service could not be restored (named in the body): restart the app' },
    responseShape: 'json',
    handler({ ctx, res }) {
      const uptimeSeconds = Math.round(process.uptime());
      const failed = NAMES.filter((name) => state(ctx, name) === 'failed');
      if (!failed.length) return { status: 'ok', uptimeSeconds };
      res.status(503);
      return { status: 'failed', uptimeSeconds, ...Object.fromEntries(failed.map((n) => [n, 'failed'])) };
    },
  }),
];
