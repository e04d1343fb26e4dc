import type { AppContext } from '../../../context';
import { badRequest, conflict, forbidden } from '../../../platform/errors';
import type { PendingEvent } from '../../../platform/events/types';
import type { AuthUser } from '../../../platform/principal';
import { listingStore } from '../../listings/store';
import type { Deal } from '../model';
import { introductionPending, roleOf } from '../stageRules';
import { dealStore } from '../store';
import { stageUpdate } from './changeStage';
import { sendMessage } from './sendMessage';
import { type RequestMeta, updateDeal } from './updateDeal';

/**
 * A broker introduces an offer and a demand of two other organisations: a
 * deal on the offer with the demand's organisation, the broker as its
 * intermediary, held at `interest` until both parties accept. The caller
 * (the brokerage module) has checked the broker's mandate.
 */
export async function openIntroducedDeal(
  ctx: AppContext,
  broker: AuthUser,
  input: { offerId: string; demandId: string; note: string; mandateId: string },
  ip: string | null,
): Promise<Deal> {
  const listings = listingStore(ctx.db);
  const [offer, demand] = await Promise.all([
    listings.findById('offer', input.offerId),
    listings.findById('demand', input.demandId),
  ]);
  const live = (l: typeof offer) => !!l && l.status === 'published' && !l.deletedAt;
  if (!live(offer) || !live(demand)) throw badRequest('Introduce two published listings', { offerId: 'invalid_type' });
  const [ownerOrgId, initiatorOrgId] = [String(offer!.organizationId), String(demand!.organizationId)];
  if (ownerOrgId === initiatorOrgId || [ownerOrgId, initiatorOrgId].includes(String(broker.organizationId)))
    throw badRequest('Introduce two other organisations to each other', { demandId: 'invalid_type' });
  const store = dealStore(ctx.db);
  const { deal, created } = await store.open(
    {
      listingType: 'offer',
      listingId: offer!._id,
      offerId: offer!._id,
      demandId: demand!._id,
      matchId: null,
      ownerOrgId,
      initiatorOrgId,
      intermediaryOrgId: broker.organizationId,
      introduction: { byOrgId: broker.organizationId, mandateId: input.mandateId, note: input.note, accepted: [] },
      openKey: `offer:${offer!._id}:${initiatorOrgId}`,
      stage: 'interest',
      history: [{ stage: 'interest', at: new Date(), byUserId: broker.id, byName: broker.name }],
    },
    (dealId) => [ctx.events.create('deal.opened', { dealId, byUserId: broker.id, ip })],
  );
  if (!created) throw conflict('These parties already have an open deal on this offer');
  await store.addParticipant(broker.organizationId, deal._id);
  await ctx.events.relay(store.deals, String(deal._id), (deal.pendingEvents ?? []) as PendingEvent[]);
  await sendMessage(ctx, broker, deal, input.note, `intro-${deal._id}`);
  return deal;
}

/** A party accepts the broker's introduction (both do: the deal moves to `contacted`) or declines it (it closes). */
export function answerIntroduction(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  accept: boolean,
  meta: RequestMeta = {},
): Promise<Deal> {
  return updateDeal(
    ctx,
    user,
    deal._id,
    (current) => {
      if (!current.introduction) throw conflict('This deal was not opened by an introduction');
      const role = roleOf(user, current);
      if (role !== 'owner' && role !== 'initiator') throw forbidden('Only the introduced parties answer');
      const accepted = current.introduction.accepted ?? [];
      if (!introductionPending(current) || accepted.includes(role)) {
        if (accept) return null;
        throw conflict('The introduction was already accepted');
      }
      if (!accept) {
        return {
          update: stageUpdate(user, current, { stage: 'lost', note: 'Declined the introduction' }),
          reason: 'introduction.declined',
          journal: { action: 'introduction.declined', details: { role } },
        };
      }
      const next = [...accepted, role];
      const complete = next.includes('owner') && next.includes('initiator');
      const move = complete ? stageUpdate(user, current, { stage: 'contacted' }) : null;
      const set = { 'introduction.accepted': next };
      return {
        update: move ? { ...move, $set: { ...move.$set, ...set } } : { $set: set },
        reason: 'introduction.accepted',
        journal: { action: 'introduction.accepted', details: { role, complete } },
      };
    },
    meta,
  );
}
