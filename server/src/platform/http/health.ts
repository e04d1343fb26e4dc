import { type Response, Router } from 'express';
import type { AppContext } from '../../context';

/**
 * Liveness (`/health/live`: the process answers) and readiness (`/health/ready`
 * and `/health`: the database and search answer, and the instance is not
 * draining). A 503 names the part that is down.
 */
export function healthRouter(ctx: AppContext): Router {
  const router = Router();
  const ready = async (res: Response) => {
    const [db, search] = await Promise.all([ctx.db.ping(), ctx.search.healthy()]);
    const draining = ctx.lifecycle.draining;
    const ok = db && search && !draining;
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : draining ? 'draining' : 'error',
      db: db ? 'up' : 'down',
      search: search ? 'up' : 'down',
    });
  };
  router.get('/health', (_req, res) => ready(res));
  router.get('/health/ready', (_req, res) => ready(res));
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });
  return router;
}
