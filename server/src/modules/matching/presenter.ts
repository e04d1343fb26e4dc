import type { MatchDto, MatchFeedbackReason, MatchListingRef, MatchState } from '@techbridge/shared';
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
  const side =
    viewerOrgId === String(match.offerOrgId) ? 'offer' : viewerOrgId === String(match.demandOrgId) ? 'demand' : null;
  const state = side === 'offer' ? match.offerState : side === 'demand' ? match.demandState : null;
  const feedback = (side === 'offer' ? match.offerFeedback : side === 'demand' ? match.demandFeedback : null) as {
    reason: MatchFeedbackReason;
    note?: string | null;
    at: Date;
  } | null;
  return {
    id: String(match._id),
    score: match.score,
    reasons: match.reasons as MatchDto['reasons'],
    offer,
    demand,
    state: state as MatchState | null,
    feedback: feedback
      ? { reason: feedback.reason, note: feedback.note ?? null, at: new Date(feedback.at).toISOString() }
      : null,
    createdAt: new Date(match.createdAt).toISOString(),
    updatedAt: new Date(match.updatedAt).toISOString(),
  };
}
