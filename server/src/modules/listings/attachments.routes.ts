import type { ListingType } from '@techbridge/shared';
import { route } from '../../context';
import { notFound } from '../../platform/errors';
import { sendStoredFile, withUpload } from '../../platform/files/uploads';
import { addAttachment, findAttachment, removeAttachment } from './commands/attachments';
import { presentAttachment } from './presenter';
import { loadOwnListing, loadReadableListing } from './view';

/** Attachment routes for one listing type: upload and delete by the owner, download by whoever may read the listing. */
export function attachmentRoutes(type: ListingType) {
  const base = type === 'offer' ? '/offers' : '/demands';
  const tag = type === 'offer' ? 'Offers' : 'Demands';
  const noun = type === 'offer' ? 'technology offer' : 'technology demand';
  return [
    route({
      method: 'post',
      path: `${base}/:id/attachments`,
      tag,
      summary: `Attach a file to an own ${noun}`,
      access: 'user',
      body: { multipart: true },
      responses: { 201: 'The stored attachment' },
      errors: [403, 409, 413, 415],
      async handler({ ctx, user, params, req, res }) {
        const listing = await loadOwnListing(ctx, type, params.id, user);
        const stored = await withUpload(ctx.config.dataDir, req, res, (file, { name, mime }) =>
          addAttachment(ctx, type, listing, { name, type: mime, size: file.size, storedAs: file.filename }),
        );
        res.status(201);
        return { data: presentAttachment(stored) };
      },
    }),
    route({
      method: 'get',
      path: `${base}/:id/attachments/:attachmentId`,
      tag,
      summary: `Download an attachment of a readable ${noun}`,
      access: 'optional',
      responses: { 200: 'The file' },
      responseShape: 'file',
      async handler({ ctx, user, params, res }) {
        const listing = await loadReadableListing(ctx, type, params.id, user);
        const attachment = findAttachment(listing, params.attachmentId);
        if (!attachment) throw notFound('Attachment not found');
        sendStoredFile(ctx.config.dataDir, res, attachment);
      },
    }),
    route({
      method: 'delete',
      path: `${base}/:id/attachments/:attachmentId`,
      tag,
      summary: `Remove an attachment from an own ${noun}`,
      access: 'user',
      responses: { 204: 'Removed' },
      responseShape: 'none',
      errors: [403],
      async handler({ ctx, user, params, res }) {
        const listing = await loadOwnListing(ctx, type, params.id, user);
        await removeAttachment(ctx, type, listing, params.attachmentId);
        res.status(204).end();
      },
    }),
  ];
}
