import { type Response, Router } from 'express';
import type { AppContext } from '../../context';
import type { ServiceName, ServiceState } from '../services/supervisor';

const NAMES: ServiceName[] = ['db', 'search'];

/**
 * Liveness (`/health/live`) and readiness (`/health/ready` and `/health`).
 *
 * Readiness: the database and search answer, and the instance is not
 * draining. A service the supervisor is restarting is reported as such without
 * being pinged; one it reports `up` is pinged (it may be up but unreachable,
 * or external). A 503 names the part that is not `up`: `down`, `restarting` or
 * `failed`.
 *
 * Liveness: the process answers, and no embedded service is `failed` (could
 * not be restored by its supervisor): then only a restart of the app helps,
 * so the 503 names the failed service.
 */
export function healthRouter(ctx: AppContext): Router {
  const router = Router();
  const state = (name: ServiceName): ServiceState => ctx.services?.state(name) ?? 'up';
  const ready = async (res: Response) => {
    const dbState = state('db');
    const searchState = state('search');
    const [db, search] = await Promise.all([
      dbState === 'up' ? ctx.db.ping().then((ok) => (ok ? 'up' : 'down')) : dbState,
      searchState === 'up' ? ctx.search.healthy().then((ok) => (ok ? 'up' : 'down')) : searchState,
    ]);
    const draining = ctx.lifecycle.draining;
    const ok = db === 'up' && search === 'up' && !draining;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : draining ? 'draining' : 'error', db, search });
  };
  router.get('/health', (_req, res) => ready(res));
  router.get('/health/ready', (_req, res) => ready(res));
  router.get('/health/live', (_req, res) => {
    const uptimeSeconds = Math.round(process.uptime());
    const failed = NAMES.filter((name) => state(name) === 'failed');
    if (failed.length === 0) {
      res.json({ status: 'ok', uptimeSeconds });
      return;
    }
    res.status(503).json({ status: 'failed', uptimeSeconds, ...Object.fromEntries(failed.map((n) => [n, 'failed'])) });
  });
  return router;
}
