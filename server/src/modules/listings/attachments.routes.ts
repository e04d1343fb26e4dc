import fs from 'node:fs';
import path from 'node:path';
import type { ListingType } from '@techbridge/shared';
import { Router } from 'express';
import type { AppContext } from '../../context';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { checkUpload, fileReceiver, sendStoredFile, uploadsDir } from '../../platform/files/uploads';
import { currentUser, optionalAuth, requireAuth } from '../../platform/http/middleware/auth';
import { parseId } from '../../platform/http/middleware/validate';
import type { Attachment } from './model';
import { listingModel, loadOwnListing, loadReadableListing, withListingLock } from './service';

export const MAX_ATTACHMENTS = 10;

/** Attachment routes for one listing type: upload and delete by the owner, download by whoever may read the listing. */
export function attachmentRoutes(ctx: AppContext, type: ListingType, base: string): Router {
  const router = Router();
  const dir = uploadsDir(ctx);
  const receive = fileReceiver(ctx);

  router.post(`${base}/:id/attachments`, requireAuth(ctx.passport), async (req, res) => {
    const listing = await loadOwnListing(ctx, type, parseId(req.params.id), currentUser(req));
    const file = await receive(req, res);
    try {
      const { name, mime } = await checkUpload(file);
      const attachment = { name, type: mime, size: file.size, storedAs: file.filename, uploadedAt: new Date() };
      const model = listingModel(ctx.db.models, type);
      // Counted under the listing's lock, so simultaneous uploads cannot pass the limit together.
      const updated = await withListingLock(listing._id, async () => {
        const current = await model.findById(listing._id, { attachments: 1 }).lean();
        if (((current?.attachments as Attachment[] | undefined)?.length ?? 0) >= MAX_ATTACHMENTS)
          throw badRequest(`At most ${MAX_ATTACHMENTS} files per listing`, { file: 'too_many' });
        return model
          .findOneAndUpdate(
            { _id: listing._id },
            { $push: { attachments: attachment }, $inc: { rev: 1 } },
            { new: true },
          )
          .lean();
      });
      const stored = (updated?.attachments as Attachment[] | undefined)?.at(-1);
      if (!stored) throw notFound();
      res.status(201).json({
        data: {
          id: String(stored._id),
          name: stored.name,
          type: stored.type,
          size: stored.size,
          uploadedAt: stored.uploadedAt.toISOString(),
        },
      });
    } catch (err) {
      await fs.promises.rm(file.path, { force: true });
      throw err;
    }
  });

  router.get(`${base}/:id/attachments/:attachmentId`, optionalAuth(ctx.passport), async (req, res) => {
    const listing = await loadReadableListing(ctx, type, parseId(req.params.id), req.user ?? null);
    const attachmentId = parseId(req.params.attachmentId, 'attachmentId');
    const attachment = (listing.attachments as Attachment[]).find((a) => String(a._id) === attachmentId);
    if (!attachment) throw notFound('Attachment not found');
    sendStoredFile(ctx, res, attachment);
  });

  router.delete(`${base}/:id/attachments/:attachmentId`, requireAuth(ctx.passport), async (req, res) => {
    const listing = await loadOwnListing(ctx, type, parseId(req.params.id), currentUser(req));
    const attachmentId = parseId(req.params.attachmentId, 'attachmentId');
    const attachment = (listing.attachments as Attachment[]).find((a) => String(a._id) === attachmentId);
    if (!attachment) throw notFound('Attachment not found');
    // FerretDB's $pull matches whole values only, so the array is rewritten,
    // guarded by `rev` so a concurrent upload is never lost.
    const remaining = (listing.attachments as Attachment[]).filter((a) => a !== attachment);
    const res2 = await withListingLock(listing._id, () =>
      listingModel(ctx.db.models, type).updateOne(
        { _id: listing._id, rev: listing.rev },
        { $set: { attachments: remaining }, $inc: { rev: 1 } },
      ),
    );
    if (res2.modifiedCount === 0) throw conflict('The listing changed meanwhile; try again');
    await fs.promises.rm(path.join(dir, attachment.storedAs), { force: true });
    res.status(204).end();
  });
  return router;
}
