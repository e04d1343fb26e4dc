import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileFormatSchema, importQuerySchema, listingExportQuerySchema, listingTypes } from '@techbridge/shared';
import { z } from 'zod';
import { route } from '../../context';
import { AppError, badRequest, forbidden } from '../../platform/errors';
import { readTable, sendTable } from '../../platform/files/tables';
import { receiveFile } from '../../platform/files/uploads';
import { requestLang } from '../../platform/http/middleware/lang';
import { requireVerifiedEmail } from '../accounts/policy';
import { listingsOf } from '../listings/view';
import { organizationStore } from '../organizations/store';
import { columns, listingToRow, templateRows } from './columns';
import { listingsPreamble } from './exportSheet';
import { importListings } from './importListings';

const typeParam = z.enum(listingTypes, 'invalid_type');
const plural = { offer: 'offers', demand: 'demands' } as const;

/** Bulk import and export of an organisation's own listings, as CSV or XLSX. */
export const importRoutes = [
  route({
    method: 'get',
    path: '/import/:type/template',
    tag: 'Import/Export',
    summary: 'An empty import sheet with an example row (type: offer or demand)',
    access: 'user',
    params: { type: typeParam },
    query: fileFormatSchema,
    responses: { 200: 'The file' },
    responseShape: 'file',
    async handler({ params, query, res }) {
      const type = params.type as 'offer' | 'demand';
      await sendTable(res, [columns[type], templateRows[type]], `techbridge-${plural[type]}-template`, query.format);
    },
  }),
  route({
    method: 'post',
    path: '/import/:type',
    tag: 'Import/Export',
    summary: 'Import listings from a CSV or XLSX file (dry run unless dryRun=false)',
    access: 'user',
    params: { type: typeParam },
    query: importQuerySchema,
    body: { multipart: true },
    responses: { 200: 'The import report' },
    errors: [403, 413, 415],
    /** Progress goes to the caller's sockets as import:progress. */
    async handler({ ctx, user, params, query, req, res }) {
      if (!user.organizationId) throw forbidden('Only members of an organisation can import listings');
      // A real run publishes: it needs a confirmed address (a dry run does not).
      if (query.dryRun === 'false') requireVerifiedEmail(user);
      const type = params.type as 'offer' | 'demand';
      const file = await receiveFile(ctx.config.dataDir, req, res);
      try {
        if (!/\.(csv|xlsx)$/i.test(file.originalname)) {
          throw new AppError(415, 'unsupported_media_type', 'Upload a .csv or .xlsx file', { file: 'invalid_type' });
        }
        // The table starts at the row naming the columns: the lines an export writes above it are skipped.
        const table = await readTable(
          await fs.promises.readFile(file.path),
          path.basename(file.originalname),
          (cells) => cells.includes('ref'),
        ).catch(() => {
          // A corrupt workbook or malformed CSV (an unclosed quote, say) is the file's fault, not the server's.
          throw badRequest('The file could not be read as CSV or XLSX', { file: 'invalid_type' });
        });
        const importId = crypto.randomUUID();
        let last = 0;
        const report = await importListings(ctx, user, type, table.records, {
          rows: table.rows,
          dryRun: query.dryRun === 'true',
          lang: requestLang(req),
          onProgress: (done, total, phase) => {
            if (done !== total && Date.now() - last < 200) return;
            last = Date.now();
            ctx.realtime.toUser(user.id, 'import:progress', { importId, done, total, phase });
          },
        });
        return { data: { importId, ...report } };
      } finally {
        await fs.promises.rm(file.path, { force: true });
      }
    },
  }),
  route({
    method: 'get',
    path: '/export/:type',
    tag: 'Import/Export',
    summary:
      "My organisation's listings as a CSV or XLSX file (names in the reader's language, under a header stating scope and filters)",
    access: 'user',
    params: { type: typeParam },
    query: listingExportQuerySchema,
    responses: { 200: 'The file' },
    responseShape: 'file',
    errors: [403],
    async handler({ ctx, user, params, query, req, res }) {
      if (!user.organizationId) throw forbidden('Only members of an organisation can export listings');
      const type = params.type as 'offer' | 'demand';
      const lang = requestLang(req);
      const org = await organizationStore(ctx.db).findById(user.organizationId);
      if (!org) throw forbidden('Only members of an organisation can export listings');
      const listings = (await listingsOf(ctx, type, user.organizationId, query.status, Number.POSITIVE_INFINITY)).sort(
        (a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime(),
      );
      const rows = [columns[type], ...listings.map((l) => listingToRow(type, l, lang))];
      const preamble = listingsPreamble(type, org, { status: query.status }, listings.length, lang, new Date());
      await sendTable(res, rows, `techbridge-${plural[type]}`, query.format, preamble);
    },
  }),
];
