import { proposalDeclineSchema, proposalSchema } from '@techbridge/shared';
import { route } from '../../context';
import { notFound } from '../../platform/errors';
import { withUpload } from '../../platform/files/uploads';
import { listingStore } from '../listings/store';
import { attachToProposal, decideProposal, submitProposal } from './commands/proposals';
import type { StoredFile } from './presenter';
import { requestMeta } from './requestMeta';
import { dealStore } from './store';
import { loadParticipantDeal, presentDealFor, presentDeals } from './view';

const order = { shortlisted: 0, submitted: 1, declined: 2 } as const;

export const proposalRoutes = [
  route({
    method: 'post',
    path: '/proposals',
    tag: 'Deals',
    summary:
      'Answer a demand with a structured proposal (opens the deal, or revises the open one). Honours Idempotency-Key',
    access: 'user',
    body: proposalSchema,
    responses: { 200: 'The deal, its proposal revised', 201: 'The new deal with the proposal' },
    errors: [403, 409],
    async handler({ ctx, user, body, req, res }) {
      const { deal, created } = await submitProposal(ctx, user, body, requestMeta(req));
      res.status(created ? 201 : 200);
      return { data: await presentDealFor(ctx, deal, user) };
    },
  }),
  route({
    method: 'get',
    path: '/demands/:id/proposals',
    tag: 'Deals',
    summary: "The proposals answering a demand, to compare side by side (the demand's owner)",
    access: 'user',
    responses: { 200: 'The deals with their proposals: shortlisted first, declined last' },
    async handler({ ctx, user, params }) {
      const demand = await listingStore(ctx.db).findById('demand', params.id, { organizationId: 1, deletedAt: 1 });
      const owner = !!demand && String(demand.organizationId) === user.organizationId;
      if (!demand || demand.deletedAt || (!owner && user.role !== 'admin')) throw notFound('Demand not found');
      const deals = (await dealStore(ctx.db).proposalsFor(demand._id)).filter(
        (d) => d.proposal && String(d.ownerOrgId) === String(demand.organizationId),
      );
      const data = await presentDeals(ctx, deals, user);
      return {
        data: data.sort(
          (a, b) =>
            order[a.proposal!.status] - order[b.proposal!.status] ||
            a.proposal!.submittedAt.localeCompare(b.proposal!.submittedAt),
        ),
      };
    },
  }),
  route({
    method: 'post',
    path: '/deals/:id/proposal/shortlist',
    tag: 'Deals',
    summary: "Shortlist the deal's proposal (the demand's owner)",
    access: 'user',
    responses: { 200: 'The deal' },
    errors: [403, 409],
    async handler({ ctx, user, params, req }) {
      const deal = await loadParticipantDeal(ctx, params.id, user);
      const updated = await decideProposal(ctx, user, deal, { status: 'shortlisted' }, requestMeta(req));
      return { data: await presentDealFor(ctx, updated, user) };
    },
  }),
  route({
    method: 'post',
    path: '/deals/:id/proposal/decline',
    tag: 'Deals',
    summary: "Decline the deal's proposal with a reason, told courteously to the proposer (the demand's owner)",
    access: 'user',
    body: proposalDeclineSchema,
    responses: { 200: 'The deal' },
    errors: [403, 409],
    async handler({ ctx, user, params, body, req }) {
      const deal = await loadParticipantDeal(ctx, params.id, user);
      const updated = await decideProposal(
        ctx,
        user,
        deal,
        { status: 'declined', reason: body.reason },
        requestMeta(req),
      );
      return { data: await presentDealFor(ctx, updated, user) };
    },
  }),
  route({
    method: 'post',
    path: '/deals/:id/proposal/attachments',
    tag: 'Deals',
    summary: 'Add a file to the proposal (the proposing party; at most five)',
    access: 'user',
    body: { multipart: true },
    responses: { 201: 'The deal' },
    errors: [403, 409, 413, 415],
    async handler({ ctx, user, params, req, res }) {
      const deal = await loadParticipantDeal(ctx, params.id, user);
      const meta = requestMeta(req);
      const updated = await withUpload(ctx.config.dataDir, req, res, async (file, { name, mime }) => {
        const stored: StoredFile = { name, type: mime, size: file.size, storedAs: file.filename };
        return attachToProposal(ctx, user, deal, stored, meta);
      });
      res.status(201);
      return { data: await presentDealFor(ctx, updated, user) };
    },
  }),
];
