import {
  dealCreateSchema,
  dealListQuerySchema,
  intermediarySchema,
  NDA,
  ndaAcceptSchema,
  stageChangeSchema,
  stageDecisionSchema,
} from '@techbridge/shared';
import { route } from '../../context';
import { requireVerifiedEmail } from '../accounts/policy';
import { presentAuditEntry } from '../audit/presenter';
import { auditStore } from '../audit/store';
import { changeStage, confirmStage, declineStage } from './commands/changeStage';
import { inviteIntermediary } from './commands/inviteIntermediary';
import { ndaStep } from './commands/ndaStep';
import { openDeal } from './commands/openDeal';
import { ndaDocument } from './ndaDocument';
import { requestMeta } from './requestMeta';
import { dealStore } from './store';
import { loadParticipantDeal, loadReadableDeal, presentDealFor, presentDeals } from './view';

const ndaSummaries = {
  accept: 'Accept the NDA (the party asking for access)',
  approve: 'Approve the NDA (the listing owner)',
  grant: 'Grant access to the confidential details',
  revoke: 'Revoke access to the confidential details',
} as const;

const ndaRoute = (action: keyof typeof ndaSummaries) =>
  route({
    method: 'post',
    path: `/deals/:id/nda/${action}`,
    tag: 'Deals',
    summary: ndaSummaries[action],
    access: 'user',
    body: action === 'accept' ? ndaAcceptSchema : undefined,
    responses: { 200: 'The deal' },
    errors: [403, 409],
    async handler({ ctx, user, params, body, req }) {
      const deal = await loadParticipantDeal(ctx, params.id, user);
      const version = (body as { version?: string } | undefined)?.version;
      const updated = await ndaStep(ctx, user, deal, action, { ...requestMeta(req), version });
      return { data: await presentDealFor(ctx, updated, user) };
    },
  });

export const dealRoutes = [
  route({
    method: 'get',
    path: '/nda',
    tag: 'Deals',
    summary: 'The current non-disclosure agreement text and version',
    access: 'public',
    responses: { 200: 'The NDA' },
    responseShape: 'json',
    handler: () => NDA,
  }),
  route({
    method: 'post',
    path: '/deals',
    tag: 'Deals',
    summary: 'Open a deal on an offer, a demand or a match (or get the open one)',
    access: 'user',
    body: dealCreateSchema,
    responses: { 200: 'The deal already open', 201: 'The new deal' },
    errors: [403, 409],
    async handler({ ctx, user, body, req, res }) {
      requireVerifiedEmail(user);
      const { deal, created } = await openDeal(ctx, user, body, req.ip ?? null);
      res.status(created ? 201 : 200);
      return { data: await presentDealFor(ctx, deal, user) };
    },
  }),
  route({
    method: 'get',
    path: '/deals',
    tag: 'Deals',
    summary: "My organisation's deals, or the deals it brokers",
    access: 'user',
    query: dealListQuerySchema,
    responses: { 200: 'The deals' },
    async handler({ ctx, user, query }) {
      const org = user.organizationId;
      if (!org) return { data: [] };
      const deals = (await dealStore(ctx.db).ofOrganization(org))
        .filter((d) => query.role !== 'intermediary' || String(d.intermediaryOrgId) === org)
        .sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime())
        .slice(0, 300);
      return { data: await presentDeals(ctx, deals, user) };
    },
  }),
  route({
    method: 'get',
    path: '/deals/:id',
    tag: 'Deals',
    summary: 'A deal I take part in',
    access: 'user',
    responses: { 200: 'The deal' },
    async handler({ ctx, user, params }) {
      return { data: await presentDealFor(ctx, await loadReadableDeal(ctx, params.id, user), user) };
    },
  }),
  route({
    method: 'patch',
    path: '/deals/:id/stage',
    tag: 'Deals',
    summary:
      'Move a deal to another stage, or propose a closing or reopening (see the stage table); won needs the outcome. Honours Idempotency-Key',
    access: 'user',
    body: stageChangeSchema,
    responses: { 200: 'The deal (moved, or with the proposal pending)' },
    errors: [403, 409],
    async handler({ ctx, user, params, body, req }) {
      const deal = await loadParticipantDeal(ctx, params.id, user);
      return { data: await presentDealFor(ctx, await changeStage(ctx, user, deal, body, requestMeta(req)), user) };
    },
  }),
  route({
    method: 'post',
    path: '/deals/:id/stage/confirm',
    tag: 'Deals',
    summary: "Confirm the other side's proposed stage change (applied once every party awaited confirmed)",
    access: 'user',
    body: stageDecisionSchema,
    responses: { 200: 'The deal' },
    errors: [403, 409],
    async handler({ ctx, user, params, body, req }) {
      const deal = await loadParticipantDeal(ctx, params.id, user);
      return { data: await presentDealFor(ctx, await confirmStage(ctx, user, deal, body, requestMeta(req)), user) };
    },
  }),
  route({
    method: 'post',
    path: '/deals/:id/stage/decline',
    tag: 'Deals',
    summary: "Decline the other side's proposed stage change, or withdraw one's own",
    access: 'user',
    body: stageDecisionSchema,
    responses: { 200: 'The deal' },
    errors: [403, 409],
    async handler({ ctx, user, params, body, req }) {
      const deal = await loadParticipantDeal(ctx, params.id, user);
      return { data: await presentDealFor(ctx, await declineStage(ctx, user, deal, body, requestMeta(req)), user) };
    },
  }),
  route({
    method: 'post',
    path: '/deals/:id/intermediary',
    tag: 'Deals',
    summary: 'Invite an intermediary organisation into a deal',
    access: 'user',
    body: intermediarySchema,
    responses: { 200: 'The deal' },
    errors: [403, 409],
    async handler({ ctx, user, params, body, req }) {
      const deal = await loadParticipantDeal(ctx, params.id, user);
      const updated = await inviteIntermediary(ctx, user, deal, body.organizationId, requestMeta(req));
      return { data: await presentDealFor(ctx, updated, user) };
    },
  }),
  ndaRoute('accept'),
  ndaRoute('approve'),
  ndaRoute('grant'),
  ndaRoute('revoke'),
  route({
    method: 'get',
    path: '/deals/:id/nda/document',
    tag: 'Deals',
    summary: 'The signed NDA record as a PDF (parties, version, timestamps, content hashes)',
    access: 'user',
    responses: { 200: 'The PDF' },
    responseShape: 'file',
    errors: [409],
    async handler({ ctx, user, params, res }) {
      const deal = await loadReadableDeal(ctx, params.id, user);
      const pdf = await ndaDocument(ctx, deal);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="nda-${deal._id}.pdf"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(pdf);
    },
  }),
  route({
    method: 'get',
    path: '/deals/:id/audit',
    tag: 'Deals',
    summary:
      "The deal's journal: its opening, stages, proposals, invitations, NDA steps and outcome (addresses for administrators only)",
    access: 'user',
    responses: { 200: 'The journal entries, oldest first' },
    async handler({ ctx, user, params }) {
      const deal = await loadReadableDeal(ctx, params.id, user);
      const entries = await auditStore(ctx.db).forDeal(deal._id);
      return {
        data: entries
          .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime())
          .map((e) => {
            const { targetType: _t, targetId: _i, dealId: _d, ip, ...entry } = presentAuditEntry(e);
            return { ...entry, ip: user.role === 'admin' ? ip : null };
          }),
      };
    },
  }),
];
