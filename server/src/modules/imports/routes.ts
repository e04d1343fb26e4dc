import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileFormatSchema, importQuerySchema, listingTypes } from '@techbridge/shared';
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { AppError, badRequest, forbidden } from '../../platform/errors';
import { readTable, sendTable } from '../../platform/files/tables';
import { fileReceiver } from '../../platform/files/uploads';
import { currentUser, requireAuth } from '../../platform/http/middleware/auth';
import { requestLang } from '../../platform/http/middleware/lang';
import { validate } from '../../platform/http/middleware/validate';
import { listingsOf } from '../listings/service';
import { columns, listingToRow, templateRows } from './columns';
import { importListings } from './service';

const typeParam = z.enum(listingTypes, 'invalid_type');
const plural = { offer: 'offers', demand: 'demands' } as const;

/** Bulk import and export of an organisation's own listings, as CSV or XLSX. */
export function importsRouter(ctx: AppContext): Router {
  const router = Router();
  const auth = requireAuth(ctx.passport);
  const receive = fileReceiver(ctx);

  router.get('/import/:type/template', auth, async (req, res) => {
    const type = validate(typeParam, req.params.type);
    const { format } = validate(fileFormatSchema, req.query);
    await sendTable(res, [columns[type], templateRows[type]], `techbridge-${plural[type]}-template`, format);
  });

  /** Dry run by default (?dryRun=false to write); progress goes to the caller's sockets as import:progress. */
  router.post('/import/:type', auth, async (req, res) => {
    const user = currentUser(req);
    if (!user.organizationId) throw forbidden('Only members of an organisation can import listings');
    const type = validate(typeParam, req.params.type);
    const { dryRun } = validate(importQuerySchema, req.query);
    const file = await receive(req, res);
    try {
      if (!/\.(csv|xlsx)$/i.test(file.originalname)) {
        throw new AppError(415, 'unsupported_media_type', 'Upload a .csv or .xlsx file', { file: 'invalid_type' });
      }
      const records = await readTable(await fs.promises.readFile(file.path), path.basename(file.originalname)).catch(
        () => {
          // A corrupt workbook or malformed CSV (an unclosed quote, say) is the file's fault, not the server's.
          throw badRequest('The file could not be read as CSV or XLSX', { file: 'invalid_type' });
        },
      );
      const importId = crypto.randomUUID();
      let last = 0;
      const report = await importListings(ctx, user, type, records, {
        dryRun: dryRun === 'true',
        lang: requestLang(req),
        onProgress: (done, total, phase) => {
          if (done !== total && Date.now() - last < 200) return;
          last = Date.now();
          ctx.realtime.toUser(user.id, 'import:progress', { importId, done, total, phase });
        },
      });
      res.json({ data: { importId, ...report } });
    } finally {
      await fs.promises.rm(file.path, { force: true });
    }
  });

  router.get('/export/:type', auth, async (req, res) => {
    const user = currentUser(req);
    if (!user.organizationId) throw forbidden('Only members of an organisation can export listings');
    const type = validate(typeParam, req.params.type);
    const { format } = validate(fileFormatSchema, req.query);
    const listings = await listingsOf(ctx.db.models, type, user.organizationId).sort({ createdAt: 1 }).lean();
    const rows = [columns[type], ...listings.map((l) => listingToRow(type, l))];
    await sendTable(res, rows, `techbridge-${plural[type]}`, format);
  });
  return router;
}
