import fs from 'node:fs';
import {
  dealCreateSchema,
  dealListQuerySchema,
  intermediarySchema,
  messageListQuerySchema,
  NDA,
  ndaAcceptSchema,
  stageChangeSchema,
} from '@techbridge/shared';
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { notFound } from '../../platform/errors';
import { checkUpload, fileReceiver, sendStoredFile } from '../../platform/files/uploads';
import { currentUser, requireAuth } from '../../platform/http/middleware/auth';
import { parseId, validate } from '../../platform/http/middleware/validate';
import type { Deal, Message } from './model';
import {
  changeStage,
  inviteIntermediary,
  loadParticipantDeal,
  loadReadableDeal,
  ndaStep,
  openDeal,
  presentDeal,
  presentDeals,
  presentMessage,
  type StoredFile,
  sendMessage,
} from './service';

const captionSchema = z.strictObject({ body: z.string('invalid_type').trim().max(4000, 'too_long').optional() });

export function dealsRouter(ctx: AppContext): Router {
  const router = Router();
  const { models } = ctx.db;
  const auth = requireAuth(ctx.passport);
  const receive = fileReceiver(ctx);

  router.get('/nda', (_req, res) => {
    res.json(NDA);
  });

  router.post('/deals', auth, async (req, res) => {
    const user = currentUser(req);
    const input = validate(dealCreateSchema, req.body);
    const { deal, created } = await openDeal(ctx, user, input);
    res.status(created ? 201 : 200).json({ data: await presentDeal(ctx, deal, user) });
  });

  /** My organisation's deals, or (role=intermediary) the deals it brokers. */
  router.get('/deals', auth, async (req, res) => {
    const user = currentUser(req);
    const { role } = validate(dealListQuerySchema, req.query);
    if (!user.organizationId) return void res.json({ data: [] });
    const org = user.organizationId;
    const filter =
      role === 'intermediary'
        ? { intermediaryOrgId: org }
        : { $or: [{ ownerOrgId: org }, { initiatorOrgId: org }, { intermediaryOrgId: org }] };
    const deals = await models.Deal.find(filter).sort({ updatedAt: -1 }).limit(300).lean<Deal[]>();
    res.json({ data: await presentDeals(ctx, deals, user) });
  });

  router.get('/deals/:id', auth, async (req, res) => {
    const user = currentUser(req);
    const deal = await loadReadableDeal(ctx, parseId(req.params.id), user);
    res.json({ data: await presentDeal(ctx, deal, user) });
  });

  router.patch('/deals/:id/stage', auth, async (req, res) => {
    const user = currentUser(req);
    const deal = await loadParticipantDeal(ctx, parseId(req.params.id), user);
    const change = validate(stageChangeSchema, req.body);
    res.json({ data: await presentDeal(ctx, await changeStage(ctx, user, deal, change), user) });
  });

  router.post('/deals/:id/intermediary', auth, async (req, res) => {
    const user = currentUser(req);
    const deal = await loadParticipantDeal(ctx, parseId(req.params.id), user);
    const { organizationId } = validate(intermediarySchema, req.body);
    res.json({ data: await presentDeal(ctx, await inviteIntermediary(ctx, user, deal, organizationId), user) });
  });

  /** History, newest last: `before` pages back, `after` catches up after a reconnect. */
  router.get('/deals/:id/messages', auth, async (req, res) => {
    const user = currentUser(req);
    const deal = await loadReadableDeal(ctx, parseId(req.params.id), user);
    const q = validate(messageListQuerySchema, req.query);
    const seq = { ...(q.before ? { $lt: q.before } : {}), ...(q.after !== undefined ? { $gt: q.after } : {}) };
    const filter = { dealId: deal._id, ...(Object.keys(seq).length ? { seq } : {}) };
    // Catching up reads forward from `after`; paging back reads the newest before `before`.
    const forward = q.after !== undefined && q.before === undefined;
    const items = await models.Message.find(filter)
      .sort({ seq: forward ? 1 : -1 })
      .limit(q.limit)
      .lean<Message[]>();
    if (!forward) items.reverse();
    res.json({ data: items.map(presentMessage) });
  });

  /** A message with a file, using the same checks as listing attachments. */
  router.post('/deals/:id/attachments', auth, async (req, res) => {
    const user = currentUser(req);
    const deal = await loadParticipantDeal(ctx, parseId(req.params.id), user);
    const file = await receive(req, res);
    try {
      const { body } = validate(captionSchema, req.body ?? {});
      const { name, mime } = await checkUpload(file);
      const stored: StoredFile = { name, type: mime, size: file.size, storedAs: file.filename };
      const { message } = await sendMessage(ctx, user, deal, body ?? '', `file-${file.filename}`, stored);
      res.status(201).json({ data: presentMessage(message) });
    } catch (err) {
      await fs.promises.rm(file.path, { force: true });
      throw err;
    }
  });

  router.get('/deals/:id/messages/:messageId/attachment', auth, async (req, res) => {
    const user = currentUser(req);
    const deal = await loadReadableDeal(ctx, parseId(req.params.id), user);
    const message = await models.Message.findOne({
      _id: parseId(req.params.messageId, 'messageId'),
      dealId: deal._id,
    }).lean<Message>();
    const file = message?.attachment as unknown as StoredFile | null;
    if (!file?.storedAs) throw notFound('Attachment not found');
    sendStoredFile(ctx, res, file);
  });

  for (const action of ['accept', 'approve', 'grant', 'revoke'] as const) {
    router.post(`/deals/:id/nda/${action}`, auth, async (req, res) => {
      const user = currentUser(req);
      const deal = await loadParticipantDeal(ctx, parseId(req.params.id), user);
      const version = action === 'accept' ? validate(ndaAcceptSchema, req.body).version : undefined;
      const updated = await ndaStep(ctx, user, deal, action, { ip: req.ip ?? null, version });
      res.json({ data: await presentDeal(ctx, updated, user) });
    });
  }

  /** The deal's audit trail (NDA steps), for its participants and administrators. */
  router.get('/deals/:id/audit', auth, async (req, res) => {
    const user = currentUser(req);
    const deal = await loadReadableDeal(ctx, parseId(req.params.id), user);
    const entries = await models.AuditLog.find({ dealId: deal._id }).sort({ createdAt: 1 }).lean();
    res.json({
      data: entries.map((e) => ({
        id: String(e._id),
        action: e.action,
        actor: e.actorId ? { id: String(e.actorId), name: e.actorName ?? '' } : null,
        organization: e.orgId ? { id: String(e.orgId), name: e.orgName ?? '' } : null,
        at: new Date(e.createdAt).toISOString(),
        ip: e.ip ?? null,
        version: e.version ?? null,
        details: (e.details ?? {}) as Record<string, unknown>,
      })),
    });
  });
  return router;
}
