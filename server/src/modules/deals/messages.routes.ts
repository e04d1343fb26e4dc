import { messageListQuerySchema } from '@techbridge/shared';
import { z } from 'zod';
import { route } from '../../context';
import { notFound } from '../../platform/errors';
import { sendStoredFile, withUpload } from '../../platform/files/uploads';
import { validate } from '../../platform/http/middleware/validate';
import { sendMessage } from './commands/sendMessage';
import { presentMessage, type StoredFile } from './presenter';
import { dealStore } from './store';
import { loadParticipantDeal, loadReadableDeal } from './view';

const captionSchema = z.strictObject({ body: z.string('invalid_type').trim().max(4000, 'too_long').optional() });

/** The sequence numbers of a page of messages: forward from `after` (catching up), else back from `before`. */
export function pageSeqs(lastSeq: number, q: { before?: number; after?: number; limit: number }): number[] {
  const forward = q.after !== undefined && q.before === undefined;
  const low = Math.max(1, (q.after ?? 0) + 1);
  const high = Math.min(lastSeq, (q.before ?? lastSeq + 1) - 1);
  if (high < low) return [];
  const count = Math.min(q.limit, high - low + 1);
  const first = forward ? low : high - count + 1;
  return Array.from({ length: count }, (_, i) => first + i);
}

export const messageRoutes = [
  route({
    method: 'get',
    path: '/deals/:id/messages',
    tag: 'Deals',
    summary: "A deal's messages, newest last; `before` pages back, `after` catches up",
    access: 'user',
    query: messageListQuerySchema,
    responses: { 200: 'The messages' },
    async handler({ ctx, user, params, query }) {
      const deal = await loadReadableDeal(ctx, params.id, user);
      // Messages are numbered 1…lastSeq under derived ids: a page is a few `_id` lookups.
      const messages = await dealStore(ctx.db).messagesBySeq(deal._id, pageSeqs(deal.lastSeq, query));
      return { data: messages.sort((a, b) => a.seq - b.seq).map(presentMessage) };
    },
  }),
  route({
    method: 'post',
    path: '/deals/:id/attachments',
    tag: 'Deals',
    summary: 'Send a message with a file',
    access: 'user',
    body: {
      multipart: true,
      fields: { body: { type: 'string', description: 'Optional caption (≤ 4000 characters)' } },
    },
    responses: { 201: 'The message' },
    errors: [403, 409, 413, 415],
    async handler({ ctx, user, params, req, res }) {
      const deal = await loadParticipantDeal(ctx, params.id, user);
      const message = await withUpload(ctx.config.dataDir, req, res, async (file, { name, mime }) => {
        const { body } = validate(captionSchema, req.body ?? {});
        const stored: StoredFile = { name, type: mime, size: file.size, storedAs: file.filename };
        return (await sendMessage(ctx, user, deal, body ?? '', `file-${file.filename}`, stored)).message;
      });
      res.status(201);
      return { data: presentMessage(message) };
    },
  }),
  route({
    method: 'get',
    path: '/deals/:id/messages/:messageId/attachment',
    tag: 'Deals',
    summary: "Download a message's file",
    access: 'user',
    responses: { 200: 'The file' },
    responseShape: 'file',
    async handler({ ctx, user, params, res }) {
      const deal = await loadReadableDeal(ctx, params.id, user);
      const message = await dealStore(ctx.db).messageById(params.messageId);
      const file =
        message && String(message.dealId) === String(deal._id) ? (message.attachment as StoredFile | null) : null;
      if (!file?.storedAs) throw notFound('Attachment not found');
      sendStoredFile(ctx.config.dataDir, res, file);
    },
  }),
];
