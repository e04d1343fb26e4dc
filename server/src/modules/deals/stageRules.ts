import type { DealParty } from '@techbridge/shared';
import type { AuthUser } from '../../platform/principal';

interface DealLike {
  ownerOrgId: unknown;
  initiatorOrgId: unknown;
  intermediaryOrgId?: unknown;
}

/** The viewer's part in a deal: the listing's owner, the organisation that opened it, its intermediary, or none. */
export function roleOf(viewer: Pick<AuthUser, 'organizationId'>, deal: DealLike): DealParty | null {
  const org = viewer.organizationId;
  if (!org) return null;
  if (String(deal.ownerOrgId) === org) return 'owner';
  if (String(deal.initiatorOrgId) === org) return 'initiator';
  if (deal.intermediaryOrgId && String(deal.intermediaryOrgId) === org) return 'intermediary';
  return null;
}

/** A broker's introduction still waiting for a party's acceptance holds the deal still. */
export function introductionPending(deal: { introduction?: { accepted?: string[] } | null }): boolean {
  const accepted = deal.introduction?.accepted ?? [];
  return !!deal.introduction && !(accepted.includes('owner') && accepted.includes('initiator'));
}
