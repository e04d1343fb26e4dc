import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ListingType } from '@techbridge/shared';
import { type Request, Router } from 'express';
import multer from 'multer';
import type { AppContext } from '../../context';
import { AppError, badRequest, conflict, notFound } from '../../errors';
import { listingModel, loadOwnListing, loadReadableListing } from '../../listings/service';
import { currentUser, optionalAuth, requireAuth } from '../../middleware/auth';
import { parseId } from '../../middleware/validate';
import type { Attachment } from '../../models/listing';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

/** Accepted file types: the extension must match, and so must the first bytes. */
const fileTypes: Record<string, { mime: string; magic?: (b: Buffer) => boolean }> = {
  pdf: { mime: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  png: {
    mime: 'image/png',
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  jpg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  webp: {
    mime: 'image/webp',
    magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: isZip },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: isZip },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: isZip },
  txt: { mime: 'text/plain', magic: isText },
  csv: { mime: 'text/csv', magic: isText },
};

function isZip(b: Buffer): boolean {
  return b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}
function isText(b: Buffer): boolean {
  return !b.subarray(0, 8192).includes(0);
}

/** Checks a stored upload; returns the canonical MIME type or a reason. */
export function checkFileType(name: string, head: Buffer): { ok: true; mime: string } | { ok: false; reason: string } {
  const ext = path.extname(name).slice(1).toLowerCase();
  const type = fileTypes[ext];
  if (!type)
    return { ok: false, reason: `File type .${ext || '?'} is not accepted (${Object.keys(fileTypes).join(', ')})` };
  if (type.magic && !type.magic(head)) return { ok: false, reason: `The file's content is not a valid .${ext}` };
  return { ok: true, mime: type.mime };
}

export function uploadsDir(ctx: AppContext): string {
  return path.join(ctx.config.dataDir, 'uploads');
}

/** Attachment routes for one listing type: upload and delete by the owner, download by whoever may read the listing. */
export function attachmentRoutes(ctx: AppContext, type: ListingType, base: string): Router {
  const router = Router();
  const dir = uploadsDir(ctx);
  const upload = multer({
    storage: multer.diskStorage({
      destination: (_req, _file, cb) => {
        fs.mkdirSync(dir, { recursive: true });
        cb(null, dir);
      },
      filename: (_req, _file, cb) => cb(null, crypto.randomBytes(16).toString('hex')),
    }),
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 },
  });
  const single = (req: Request, res: Parameters<ReturnType<typeof upload.single>>[1]) =>
    new Promise<void>((resolve, reject) =>
      upload.single('file')(req, res, (err: unknown) => {
        if (!err) return resolve();
        const code = (err as { code?: string }).code;
        if (code === 'LIMIT_FILE_SIZE')
          return reject(new AppError(413, 'payload_too_large', 'File is larger than 10 MB', { file: 'too_long' }));
        reject(badRequest('Upload failed', { file: 'invalid_type' }));
      }),
    );

  router.post(`${base}/:id/attachments`, requireAuth(ctx.passport), async (req, res) => {
    const listing = await loadOwnListing(ctx, type, parseId(req.params.id), currentUser(req));
    await single(req, res);
    const file = req.file;
    if (!file) throw badRequest('Attach a file in the "file" field', { file: 'required' });
    const discard = () => fs.promises.rm(file.path, { force: true });
    try {
      if ((listing.attachments as Attachment[]).length >= MAX_ATTACHMENTS)
        throw badRequest(`At most ${MAX_ATTACHMENTS} files per listing`, { file: 'too_many' });
      const fd = await fs.promises.open(file.path, 'r');
      const head = Buffer.alloc(8192);
      const { bytesRead } = await fd.read(head, 0, head.length, 0);
      await fd.close();
      const name = Buffer.from(file.originalname, 'latin1')
        .toString('utf8')
        .replace(/[\\/\0]/g, '_')
        .slice(0, 200);
      const check = checkFileType(name, head.subarray(0, bytesRead));
      if (!check.ok) throw new AppError(415, 'unsupported_media_type', check.reason, { file: check.reason });
      const attachment = { name, type: check.mime, size: file.size, storedAs: file.filename, uploadedAt: new Date() };
      const updated = await listingModel(ctx.db.models, type)
        .findOneAndUpdate({ _id: listing._id }, { $push: { attachments: attachment }, $inc: { rev: 1 } }, { new: true })
        .lean();
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
      await discard();
      throw err;
    }
  });

  router.get(`${base}/:id/attachments/:attachmentId`, optionalAuth(ctx.passport), async (req, res) => {
    const listing = await loadReadableListing(ctx, type, parseId(req.params.id), req.user ?? null);
    const attachmentId = parseId(req.params.attachmentId, 'attachmentId');
    const attachment = (listing.attachments as Attachment[]).find((a) => String(a._id) === attachmentId);
    if (!attachment) throw notFound('Attachment not found');
    res.setHeader('Content-Type', attachment.type);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.name)}`);
    res.sendFile(path.join(dir, attachment.storedAs));
  });

  router.delete(`${base}/:id/attachments/:attachmentId`, requireAuth(ctx.passport), async (req, res) => {
    const listing = await loadOwnListing(ctx, type, parseId(req.params.id), currentUser(req));
    const attachmentId = parseId(req.params.attachmentId, 'attachmentId');
    const attachment = (listing.attachments as Attachment[]).find((a) => String(a._id) === attachmentId);
    if (!attachment) throw notFound('Attachment not found');
    // FerretDB's $pull matches whole values only, so the array is rewritten,
    // guarded by `rev` so a concurrent upload is never lost.
    const remaining = (listing.attachments as Attachment[]).filter((a) => a !== attachment);
    const res2 = await listingModel(ctx.db.models, type).updateOne(
      { _id: listing._id, rev: listing.rev },
      { $set: { attachments: remaining }, $inc: { rev: 1 } },
    );
    if (res2.modifiedCount === 0) throw conflict('The listing changed meanwhile; try again');
    await fs.promises.rm(path.join(dir, attachment.storedAs), { force: true });
    res.status(204).end();
  });
  return router;
}
