import { Router } from 'express';
import type { AppContext } from '../../context';

/** Liveness and readiness in one: 503 names the part that is down. */
export function healthRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [db, search] = await Promise.all([ctx.db.ping(), ctx.search.healthy()]);
    const body = { status: db && search ? 'ok' : 'error', db: db ? 'up' : 'down', search: search ? 'up' : 'down' };
    res.status(db && search ? 200 : 503).json(body);
  });
  return router;
}
