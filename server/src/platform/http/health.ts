import type { Response } from 'express';
import type { Db } from '../db';
import type { Lifecycle } from '../lifecycle';
import type { Search } from '../search/client';
import { routeFor } from './route';

export interface HealthContext {
  db: Db;
  search: Search;
  lifecycle: Lifecycle;
}

const route = routeFor<HealthContext>();

async function ready(ctx: HealthContext, res: Response) {
  const [db, search] = await Promise.all([ctx.db.ping(), ctx.search.healthy()]);
  const draining = ctx.lifecycle.draining;
  const ok = db && search && !draining;
  res.status(ok ? 200 : 503);
  return {
    status: ok ? 'ok' : draining ? 'draining' : 'error',
    db: db ? 'up' : 'down',
    search: search ? 'up' : 'down',
  };
}

/**
 * Liveness (`/health/live`: the process answers) and readiness (`/health/ready`
 * and `/health`: the database and search answer, and the instance is not
 * draining). A 503 names the part that is down.
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
    summary: 'Liveness: the process answers (no dependency is checked)',
    access: 'public',
    responses: { 200: 'Alive' },
    responseShape: 'json',
    handler: () => ({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }),
  }),
];
