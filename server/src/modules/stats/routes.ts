import { fileFormatSchema, statsQuerySchema } from '@techbridge/shared';
import { z } from 'zod';
import { route } from '../../context';
import { sendTable } from '../../platform/files/tables';
import { requestLang } from '../../platform/http/middleware/lang';
import { computeStats, statsScope } from './compute';
import { statsPreamble, statsRows } from './exportRows';

/** The stats filters plus the file format. */
const statsExportQuery = z.strictObject({ ...statsQuerySchema.shape, ...fileFormatSchema.shape });

/** Statistics for operators (administrators and agencies), as JSON or as a CSV/XLSX file. */
export const statsRoutes = [
  route({
    method: 'get',
    path: '/stats',
    tag: 'Statistics',
    summary: 'Statistics for operators (administrators and agencies)',
    access: 'user',
    query: statsQuerySchema,
    responses: { 200: 'The statistics' },
    errors: [403],
    async handler({ ctx, user, query }) {
      const scope = await statsScope(ctx, user, query);
      return { data: await computeStats(ctx, scope, query) };
    },
  }),
  route({
    method: 'get',
    path: '/stats/export',
    tag: 'Statistics',
    summary: 'The statistics as a CSV or XLSX file',
    access: 'user',
    query: statsExportQuery,
    responses: { 200: 'The file' },
    responseShape: 'file',
    errors: [403],
    async handler({ ctx, user, query, req, res }) {
      const { format, ...rest } = query;
      const scope = await statsScope(ctx, user, rest);
      const stats = await computeStats(ctx, scope, rest);
      const lang = requestLang(req);
      const preamble = statsPreamble(stats, rest, lang, new Date());
      await sendTable(res, statsRows(stats, lang), 'techbridge-stats', format, preamble);
    },
  }),
];
