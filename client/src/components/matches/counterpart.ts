import type { MatchDto } from '@techbridge/shared';

/** A match seen from my organisation: my listing and the counterpart's, with the counterpart's type. */
export function matchCounterpart(match: MatchDto, myOrgId: string | null | undefined) {
  return match.offer.organization.id === myOrgId
    ? { type: 'demand' as const, own: match.offer, other: match.demand }
    : { type: 'offer' as const, own: match.demand, other: match.offer };
}
