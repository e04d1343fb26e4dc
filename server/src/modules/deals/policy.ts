import { allowedStageActions, type DealStage } from '@techbridge/shared';
import type { AuthUser } from '../../platform/principal';
import { introductionPending, roleOf } from './stageRules';

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

type PolicyDeal = DealLike & {
  history: { stage: string }[];
  pending?: { byRole: string; awaiting: string[] } | null;
  introduction?: { accepted?: string[] } | null;
};

/** What the viewer may do in a deal, computed from the same rules the commands enforce. */
export function dealPolicies(viewer: AuthUser, deal: PolicyDeal) {
  const participant = isParticipant(viewer, deal);
  const role = roleOf(viewer, deal);
  const waiting = introductionPending(deal);
  const stages = waiting ? [] : allowedStageActions(role, deal.stage as DealStage, deal.history);
  const accepted = deal.introduction?.accepted ?? [];
  return {
    changeStage: participant && stages.length > 0,
    invite: !waiting && open(deal) && (role === 'owner' || role === 'initiator') && !deal.intermediaryOrgId,
    chat: participant,
    stages: deal.pending ? stages.filter((s) => s.action === 'move') : stages,
    confirm: !!role && !!deal.pending?.awaiting.includes(role),
    withdraw: !!role && deal.pending?.byRole === role,
    acceptIntroduction: waiting && (role === 'owner' || role === 'initiator') && !accepted.includes(role),
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
