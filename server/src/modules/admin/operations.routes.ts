import fs from 'node:fs';
import {
  auditQuerySchema,
  foldVietnamese,
  optionalReasonSchema,
  reasonSchema,
  usersQuerySchema,
  verificationRequestSchema,
  verificationsQuerySchema,
} from '@techbridge/shared';
import { Router } from 'express';
import { Types } from 'mongoose';
import type { AppContext } from '../../context';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { checkUpload, fileReceiver, sendStoredFile } from '../../platform/files/uploads';
import { currentUser, requireAuth } from '../../platform/http/middleware/auth';
import { parseId, validate } from '../../platform/http/middleware/validate';
import { audit } from '../audit/record';
import { publishPendingOf } from '../listings/service';
import { membersOf, notifyUsers } from '../notifications/service';
import type { Verification } from '../organizations/verification.model';
import { setOrganizationStatus, setUserStatus } from './suspension';

/** Documents one verification request may hold. */
const MAX_DOCUMENTS = 10;

function presentVerification(v: Verification, organizationName?: string) {
  return {
    id: String(v._id),
    organizationId: String(v.organizationId),
    ...(organizationName === undefined ? {} : { organizationName }),
    status: v.status,
    registrationNumber: v.registrationNumber,
    taxCode: v.taxCode ?? null,
    address: v.address,
    website: v.website ?? null,
    note: v.note ?? null,
    documents: (v.documents as { _id: unknown; name: string; type: string; size: number }[]).map((d) => ({
      id: String(d._id),
      name: d.name,
      type: d.type,
      size: d.size,
    })),
    reason: v.reason ?? null,
    createdAt: new Date(v.createdAt).toISOString(),
    decidedAt: v.decidedAt ? new Date(v.decidedAt).toISOString() : null,
  };
}

/** Verification requests, suspensions and the audit log. */
export function operationsRouter(ctx: AppContext): Router {
  const router = Router();
  const { models } = ctx.db;
  const auth = requireAuth(ctx.passport);
  const receive = fileReceiver(ctx);

  /** An organisation owner asks to be verified. */
  router.post('/organizations/me/verification', auth, async (req, res) => {
    const user = currentUser(req);
    if (!user.organizationId || user.orgRole !== 'owner')
      throw forbidden('Only the organisation’s owner can request verification');
    const input = validate(verificationRequestSchema, req.body);
    if (await models.Verification.exists({ organizationId: user.organizationId, status: 'pending' })) {
      throw conflict('A verification request is already waiting');
    }
    const created = await models.Verification.create({
      ...input,
      organizationId: user.organizationId,
      requestedBy: user.id,
    });
    res.status(201).json({ data: presentVerification(created.toObject() as Verification) });
  });

  router.post('/organizations/me/verification/documents', auth, async (req, res) => {
    const user = currentUser(req);
    const pending = await models.Verification.findOne({
      organizationId: user.organizationId,
      status: 'pending',
    }).lean();
    if (!pending || user.orgRole !== 'owner') throw notFound('No pending verification request');
    if ((pending.documents ?? []).length >= MAX_DOCUMENTS)
      throw conflict(`A request holds at most ${MAX_DOCUMENTS} documents`);
    const file = await receive(req, res);
    try {
      const { name, mime } = await checkUpload(file);
      const updated = await models.Verification.findOneAndUpdate(
        { _id: pending._id },
        { $push: { documents: { name, type: mime, size: file.size, storedAs: file.filename } } },
        { new: true },
      ).lean<Verification>();
      res.status(201).json({ data: presentVerification(updated!) });
    } catch (err) {
      // A refused file is not kept.
      await fs.promises.rm(file.path, { force: true });
      throw err;
    }
  });

  router.get('/organizations/me/verification', auth, async (req, res) => {
    const user = currentUser(req);
    if (!user.organizationId) {
      res.json({ data: null });
      return;
    }
    const latest = await models.Verification.findOne({ organizationId: user.organizationId })
      .sort({ createdAt: -1 })
      .lean<Verification>();
    res.json({ data: latest ? presentVerification(latest) : null });
  });

  router.get('/admin/verifications', async (req, res) => {
    const { status } = validate(verificationsQuerySchema, req.query);
    const items = await models.Verification.find({ status }).sort({ createdAt: 1 }).limit(500).lean<Verification[]>();
    const names = new Map(
      (
        await models.Organization.find(
          { _id: { $in: [...new Set(items.map((v) => String(v.organizationId)))] } },
          { name: 1 },
        ).lean()
      ).map((o) => [String(o._id), o.name]),
    );
    res.json({ data: items.map((v) => presentVerification(v, names.get(String(v.organizationId)) ?? '')) });
  });

  /** A document of a verification request, for the administrators reviewing it. */
  router.get('/admin/verifications/:id/documents/:documentId', async (req, res) => {
    const request = await models.Verification.findById(parseId(req.params.id)).lean<Verification>();
    const documentId = parseId(req.params.documentId, 'documentId');
    const document = (request?.documents as { _id: unknown; name: string; type: string; storedAs: string }[])?.find(
      (d) => String(d._id) === documentId,
    );
    if (!document) throw notFound('Document not found');
    sendStoredFile(ctx, res, document);
  });

  for (const decision of ['approve', 'reject'] as const) {
    router.post(`/admin/verifications/:id/${decision}`, async (req, res) => {
      const admin = currentUser(req);
      const reason = decision === 'reject' ? validate(reasonSchema, req.body).reason : undefined;
      const request = await models.Verification.findOneAndUpdate(
        { _id: parseId(req.params.id), status: 'pending' },
        {
          $set: {
            status: decision === 'approve' ? 'approved' : 'rejected',
            reason: reason ?? null,
            decidedBy: admin.id,
            decidedAt: new Date(),
          },
        },
        { new: true },
      ).lean<Verification>();
      if (!request) throw notFound('No pending verification request with this id');
      if (decision === 'approve') {
        await models.Organization.updateOne({ _id: request.organizationId }, { $set: { verified: true } });
        await publishPendingOf(ctx, String(request.organizationId));
      }
      await audit(ctx, {
        action: decision === 'approve' ? 'verification.approved' : 'verification.rejected',
        actor: admin,
        targetType: 'organization',
        targetId: request.organizationId,
        details: { verificationId: String(request._id), ...(reason ? { reason } : {}) },
      });
      await notifyUsers(
        ctx,
        await membersOf(ctx, [request.organizationId]),
        decision === 'approve' ? 'organization.verified' : 'organization.rejected',
        { verificationId: String(request._id), ...(reason ? { reason } : {}) },
      );
      res.json({ data: presentVerification(request) });
    });
  }

  for (const [path, suspend] of [
    ['suspend', true],
    ['reactivate', false],
  ] as const) {
    router.post(`/admin/users/:id/${path}`, async (req, res) => {
      const { reason } = validate(optionalReasonSchema, req.body ?? {});
      await setUserStatus(ctx, currentUser(req), parseId(req.params.id), suspend, reason);
      res.status(204).end();
    });
    router.post(`/admin/organizations/:id/${path}`, async (req, res) => {
      const { reason } = validate(optionalReasonSchema, req.body ?? {});
      await setOrganizationStatus(ctx, currentUser(req), parseId(req.params.id), suspend, reason);
      res.status(204).end();
    });
  }

  router.get('/admin/users', async (req, res) => {
    const { q } = validate(usersQuerySchema, req.query);
    // Every user, matched as people type names: without diacritics and in any case ("nguyen" finds "Nguyễn").
    const users = await models.User.find({}, { email: 1, name: 1, role: 1, status: 1, organizationId: 1, createdAt: 1 })
      .sort({ createdAt: -1 })
      .lean();
    const wanted = q ? foldVietnamese(q) : '';
    res.json({
      data: users
        .filter((u) => !wanted || foldVietnamese(`${u.email} ${u.name}`).includes(wanted))
        .slice(0, 200)
        .map((u) => ({
          id: String(u._id),
          email: u.email,
          name: u.name,
          role: u.role,
          status: u.status,
          organizationId: u.organizationId ? String(u.organizationId) : null,
        })),
    });
  });

  /** The audit log, newest first, filterable by action, actor, target and period. */
  router.get('/admin/audit', async (req, res) => {
    const q = validate(auditQuerySchema, req.query);
    const createdAt = {
      ...(q.from ? { $gte: new Date(q.from) } : {}),
      ...(q.to ? { $lt: new Date(new Date(q.to).getTime() + 86_400_000) } : {}),
      ...(q.before && !q.beforeId ? { $lt: new Date(q.before) } : {}),
    };
    const filter = {
      ...(q.action ? { action: q.action } : {}),
      ...(q.actor ? { actorId: q.actor } : {}),
      ...(q.target ? { targetId: q.target } : {}),
      ...(Object.keys(createdAt).length ? { createdAt } : {}),
      // After the last entry shown, in the list's order (newest first, then by id).
      ...(q.before && q.beforeId
        ? {
            $or: [
              { createdAt: { $lt: new Date(q.before) } },
              { createdAt: new Date(q.before), _id: { $lt: new Types.ObjectId(q.beforeId) } },
            ],
          }
        : {}),
    };
    const entries = await models.AuditLog.find(filter).sort({ createdAt: -1, _id: -1 }).limit(q.limit).lean();
    res.json({
      data: entries.map((e) => ({
        id: String(e._id),
        action: e.action,
        actor: e.actorId ? { id: String(e.actorId), name: e.actorName ?? '' } : null,
        organization: e.orgId ? { id: String(e.orgId), name: e.orgName ?? '' } : null,
        targetType: e.targetType,
        targetId: String(e.targetId),
        dealId: e.dealId ? String(e.dealId) : null,
        at: new Date(e.createdAt).toISOString(),
        ip: e.ip ?? null,
        version: e.version ?? null,
        details: e.details ?? {},
      })),
    });
  });
  return router;
}
