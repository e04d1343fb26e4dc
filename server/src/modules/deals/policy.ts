import type { AuthUser } from '../../platform/principal';

interface DealLike {
  ownerOrgId: unknown;
  initiatorOrgId: unknown;
  intermediaryOrgId?: unknown;
  stage: string;
}

export function participantOrgIds(deal: DealLike): string[] {
  return [deal.ownerOrgId, deal.initiatorOrgId, deal.intermediaryOrgId].filter(Boolean).map(String);
}

/** Members of the participating organisations (and administrators, read-only) see a deal; nobody else. */
export function isParticipant(viewer: AuthUser, deal: DealLike): boolean {
  return !!viewer.organizationId && participantOrgIds(deal).includes(viewer.organizationId);
}

export function canReadDeal(viewer: AuthUser, deal: DealLike): boolean {
  return isParticipant(viewer, deal) || viewer.role === 'admin';
}

const open = (deal: DealLike) => deal.stage !== 'won' && deal.stage !== 'lost';

export function dealPolicies(viewer: AuthUser, deal: DealLike) {
  const participant = isParticipant(viewer, deal);
  return {
    changeStage: participant && open(deal),
    invite:
      participant && open(deal) && !deal.intermediaryOrgId && viewer.organizationId !== String(deal.intermediaryOrgId),
    chat: participant,
  };
}

/** The offer's owner controls access to its confidential details. */
export function isOfferOwner(viewer: AuthUser, deal: DealLike & { listingType: string; offerId?: unknown }): boolean {
  return !!deal.offerId && viewer.organizationId === String(ownerOfOffer(deal));
}

/** Which organisation owns the deal's offer: the listing owner for offer deals, the initiator for deals on a demand. */
export function ownerOfOffer(deal: DealLike & { listingType: string }): unknown {
  return deal.listingType === 'offer' ? deal.ownerOrgId : deal.initiatorOrgId;
}
