import type { MatchDto, MatchListingRef, MatchState } from '@techbridge/shared';
import type { Match } from './model';

/**
 * A match as one side sees it: both listings' public titles and
 * organisations, the score and its reasons, and the viewer's own state.
 */
export function presentMatch(
  match: Match,
  offer: MatchListingRef,
  demand: MatchListingRef,
  viewerOrgId: string | null,
): MatchDto {
  const state =
    viewerOrgId === String(match.offerOrgId)
      ? match.offerState
      : viewerOrgId === String(match.demandOrgId)
        ? match.demandState
        : null;
  return {
    id: String(match._id),
    score: match.score,
    reasons: match.reasons as MatchDto['reasons'],
    offer,
    demand,
    state: state as MatchState | null,
    createdAt: new Date(match.createdAt).toISOString(),
    updatedAt: new Date(match.updatedAt).toISOString(),
  };
}
