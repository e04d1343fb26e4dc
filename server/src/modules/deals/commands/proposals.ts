import type { ProposalInput } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { badRequest, conflict, forbidden } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import { listingStore } from '../../listings/store';
import type { Deal } from '../model';
import type { StoredFile } from '../presenter';
import { roleOf } from '../stageRules';
import { dealStore } from '../store';
import { stageUpdate } from './changeStage';
import { openDeal } from './openDeal';
import { sendMessage } from './sendMessage';
import { type RequestMeta, updateDeal } from './updateDeal';

/**
 * Answers a demand with a structured proposal: opens the deal on the demand
 * (with the introduction message, if any) or takes the open one, and
 * records the proposal on it under the deal's lease. A proposal may be
 * revised until the demand's owner declines it. `offerId`, one of the
 * proposer's own published offers, makes the deal name both listings.
 */
export async function submitProposal(
  ctx: AppContext,
  user: AuthUser,
  input: ProposalInput,
  meta: RequestMeta = {},
): Promise<{ deal: Deal; created: boolean }> {
  if (input.offerId) {
    const offer = await listingStore(ctx.db).findById('offer', input.offerId, { organizationId: 1, status: 1 });
    if (!offer || String(offer.organizationId) !== user.organizationId || offer.status !== 'published')
      throw badRequest('Link one of your own published offers', { offerId: 'invalid_type' });
  }
  const earlier = await dealStore(ctx.db).proposalsFor(input.demandId);
  if (earlier.some((d) => String(d.initiatorOrgId) === user.organizationId && d.proposal?.status === 'declined'))
    throw conflict('Your proposal to this demand was declined');
  const { deal, created } = await openDeal(
    ctx,
    user,
    { demandId: input.demandId, ...(input.message ? { message: input.message } : {}) },
    meta.ip ?? null,
  );
  const updated = await updateDeal(
    ctx,
    user,
    deal._id,
    (current) => {
      if (roleOf(user, current) !== 'initiator') throw forbidden('Only the proposing party writes its proposal');
      if (current.proposal?.status === 'declined') throw conflict('This proposal was declined');
      const now = new Date();
      const revised = !!current.proposal;
      return {
        update: {
          $set: {
            proposal: {
              approach: input.approach,
              priceMinVnd: input.priceMinVnd ?? null,
              priceMaxVnd: input.priceMaxVnd ?? null,
              timelineMonths: input.timelineMonths,
              trl: input.trl,
              trlEvidence: input.trlEvidence,
              attachments: current.proposal?.attachments ?? [],
              status: current.proposal?.status ?? 'submitted',
              reason: null,
              submittedAt: now,
              decidedAt: current.proposal?.decidedAt ?? null,
            },
            ...(input.offerId && !current.offerId ? { offerId: input.offerId } : {}),
          },
        },
        reason: revised ? 'proposal.updated' : 'proposal.submitted',
        journal: {
          action: revised ? 'proposal.updated' : 'proposal.submitted',
          details: { trl: input.trl, timelineMonths: input.timelineMonths, priceMaxVnd: input.priceMaxVnd ?? null },
        },
      };
    },
    meta,
  );
  await dealStore(ctx.db).addProposal(input.demandId, deal._id);
  return { deal: updated, created };
}

/** The demand's owner shortlists a proposal, or declines it with a reason (told to the proposer). */
export function decideProposal(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  decision: { status: 'shortlisted' } | { status: 'declined'; reason: string },
  meta: RequestMeta = {},
): Promise<Deal> {
  return updateDeal(
    ctx,
    user,
    deal._id,
    (current) => {
      if (!current.proposal) throw conflict('This deal has no proposal');
      if (roleOf(user, current) !== 'owner') throw forbidden("Only the demand's owner decides on its proposals");
      if (current.proposal.status === decision.status) return null;
      if (current.proposal.status === 'declined') throw conflict('This proposal was declined');
      const reason = decision.status === 'declined' ? decision.reason : null;
      const proposal = { ...current.proposal, status: decision.status, reason, decidedAt: new Date() };
      // At first contact the owner's answer moves the deal too: shortlisted → contacted, declined → lost.
      const to = current.stage === 'interest' ? (decision.status === 'shortlisted' ? 'contacted' : 'lost') : null;
      const move = to ? stageUpdate(user, current, { stage: to, note: reason }) : null;
      return {
        update: move ? { ...move, $set: { ...move.$set, proposal } } : { $set: { proposal } },
        reason: decision.status === 'shortlisted' ? 'proposal.shortlisted' : 'proposal.declined',
        journal: {
          action: decision.status === 'shortlisted' ? 'proposal.shortlisted' : 'proposal.declined',
          details: reason ? { reason } : {},
        },
      };
    },
    meta,
  );
}

const MAX_ATTACHMENTS = 5;

/** Adds a file to the proposal: sent into the deal's chat, and listed with the proposal. */
export async function attachToProposal(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  file: StoredFile,
  meta: RequestMeta = {},
): Promise<Deal> {
  if (!deal.proposal) throw conflict('This deal has no proposal');
  if (roleOf(user, deal) !== 'initiator') throw forbidden('Only the proposing party adds files to its proposal');
  if (deal.proposal.attachments.length >= MAX_ATTACHMENTS) throw conflict(`At most ${MAX_ATTACHMENTS} files`);
  const { message } = await sendMessage(ctx, user, deal, '', `proposal-${file.storedAs}`, file);
  return updateDeal(
    ctx,
    user,
    deal._id,
    (current) => {
      const attachments = current.proposal?.attachments ?? [];
      if (attachments.some((a) => String(a.messageId) === String(message._id))) return null;
      if (attachments.length >= MAX_ATTACHMENTS) throw conflict(`At most ${MAX_ATTACHMENTS} files`);
      const entry = { messageId: message._id, name: file.name, type: file.type, size: file.size };
      return {
        update: { $set: { 'proposal.attachments': [...attachments, entry] } },
        reason: 'proposal.attachment',
        journal: { action: 'proposal.attachment', details: { name: file.name, size: file.size } },
      };
    },
    meta,
  );
}
