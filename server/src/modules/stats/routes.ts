import { fileFormatSchema, statsQuerySchema } from '@techbridge/shared';
import { Router } from 'express';
import type { AppContext } from '../../context';
import { sendTable } from '../../platform/files/tables';
import { currentUser, requireAuth } from '../../platform/http/middleware/auth';
import { validate } from '../../platform/http/middleware/validate';
import { computeStats, statsRows, statsScope } from './service';

/** Statistics for operators (administrators and agencies), as JSON or as a CSV/XLSX file. */
export function statsRouter(ctx: AppContext): Router {
  const router = Router();
  const auth = requireAuth(ctx.passport);

  router.get('/stats', auth, async (req, res) => {
    const query = validate(statsQuerySchema, req.query);
    const scope = await statsScope(ctx, currentUser(req), query);
    res.json({ data: await computeStats(ctx, scope, query) });
  });

  router.get('/stats/export', auth, async (req, res) => {
    const { format, ...rest } = req.query as Record<string, string>;
    const query = validate(statsQuerySchema, rest);
    const { format: fmt } = validate(fileFormatSchema, { format });
    const scope = await statsScope(ctx, currentUser(req), query);
    await sendTable(res, statsRows(await computeStats(ctx, scope, query)), 'techbridge-stats', fmt);
  });
  return router;
}
