import type { ListingType } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { badRequest, forbidden, notFound } from '../../../platform/errors';
import type { PendingEvent } from '../../../platform/events/types';
import type { AuthUser } from '../../../platform/principal';
import type { AnyListing } from '../../listings/model';
import { listingStore } from '../../listings/store';
import { matchStore } from '../../matching/store';
import type { Deal } from '../model';
import { dealStore } from '../store';
import { sendMessage } from './sendMessage';

const notContacted = ['new', 'seen', 'dismissed'];

/**
 * Opens a deal from an offer, a demand or a match between the caller's
 * organisation and the listing's owner. A second request for the same pair
 * and listing returns the open deal (its open key is claimed once).
 */
export async function openDeal(
  ctx: AppContext,
  user: AuthUser,
  input: { offerId?: string; demandId?: string; matchId?: string; message?: string },
  ip: string | null = null,
): Promise<{ deal: Deal; created: boolean }> {
  if (!user.organizationId) throw forbidden('Only members of an organisation can open deals');
  const matches = matchStore(ctx.db);
  let listingType: ListingType;
  let listing: AnyListing | null;
  let pair: { offerId: unknown; demandId: unknown; matchId: unknown } = {
    offerId: null,
    demandId: null,
    matchId: null,
  };
  if (input.matchId) {
    const match = await matches.findById(input.matchId);
    const side =
      match && user.organizationId === String(match.offerOrgId)
        ? 'offer'
        : match && user.organizationId === String(match.demandOrgId)
          ? 'demand'
          : null;
    if (!match || !side || !match.active) throw notFound('Match not found');
    // The deal is about the other side's listing.
    listingType = side === 'offer' ? 'demand' : 'offer';
    listing = await listingStore(ctx.db).findById(
      listingType,
      listingType === 'offer' ? match.offerId : match.demandId,
    );
    pair = { offerId: match.offerId, demandId: match.demandId, matchId: match._id };
  } else {
    listingType = input.offerId ? 'offer' : 'demand';
    listing = await listingStore(ctx.db).findById(listingType, input.offerId ?? input.demandId);
    if (listing) pair = { ...pair, [listingType === 'offer' ? 'offerId' : 'demandId']: listing._id };
  }
  if (listing?.status !== 'published' || listing.deletedAt) throw notFound('Listing not found');
  if (String(listing.organizationId) === user.organizationId)
    throw badRequest('This is your own listing', { offerId: 'invalid_type' });

  const now = new Date();
  const store = dealStore(ctx.db);
  const { deal, created } = await store.open(
    {
      listingType,
      listingId: listing._id,
      ...pair,
      ownerOrgId: listing.organizationId,
      initiatorOrgId: user.organizationId,
      openKey: `${listingType}:${listing._id}:${user.organizationId}`,
      stage: 'interest',
      history: [{ stage: 'interest', at: now, byUserId: user.id, byName: user.name }],
    },
    (dealId) => [ctx.events.create('deal.opened', { dealId, byUserId: user.id, ip })],
  );
  await markContacted(ctx, user.organizationId, listingType, listing._id, pair.matchId);
  if (!created) return { deal, created };
  await ctx.events.relay(store.deals, String(deal._id), (deal.pendingEvents ?? []) as PendingEvent[]);
  if (input.message) await sendMessage(ctx, user, deal, input.message, `open-${deal._id}`);
  return { deal, created };
}

/** The initiator's side of the pairing (the match, or its matches with the listing) is now "contacted". */
async function markContacted(
  ctx: AppContext,
  initiatorOrgId: string,
  listingType: ListingType,
  listingId: unknown,
  matchId: unknown,
): Promise<void> {
  const matches = matchStore(ctx.db);
  const field = listingType === 'offer' ? 'demandState' : 'offerState';
  const orgField = listingType === 'offer' ? 'demandOrgId' : 'offerOrgId';
  const pairs = matchId
    ? [String(matchId)]
    : (await matches.ofListing(listingType, listingId))
        .filter((m) => String(m[orgField]) === initiatorOrgId)
        .map((m) => String(m._id));
  for (const id of pairs) await matches.setState(id, field, notContacted, 'contacted');
}
