/**
 * "Không phù hợp": why an organisation dismissed a match, and what its
 * repeated reasons change in how its future matches are scored. After
 * FEEDBACK_REPEAT dismissals for one reason, that reason's rule applies to
 * every pair the organisation is part of (either side):
 * - wrong_technology: a pair needs two specific shared terms, not one, and
 *   the shared terms must weigh more before they count in full;
 * - wrong_sector: neighbouring sectors no longer make a pair compatible; it
 *   needs a sector in common;
 * - trl_too_low: the technology must be one level more mature than the
 *   demand asks (TRL 5 when the demand names no minimum);
 * - price: an offer over the budget scores nothing for the budget, and loses
 *   10 points beyond; a little over (up to 1.5×) scores nothing;
 * - location: a counterpart in another region loses 8 points;
 * - other: recorded and counted for operators; changes nothing.
 * The pair dismissed is never announced again, whatever its score.
 */
export const matchFeedbackReasons = [
  'wrong_technology',
  'wrong_sector',
  'trl_too_low',
  'price',
  'location',
  'other',
] as const;
export type MatchFeedbackReason = (typeof matchFeedbackReasons)[number];

/** Dismissals for one reason after which the reason's rule applies. */
export const FEEDBACK_REPEAT = 3;

export type MatchAdjustment = Exclude<MatchFeedbackReason, 'other'>;

export interface MatchTuning {
  /** The rules in force, each from one of the two organisations' repeated reasons. */
  adjustments: MatchAdjustment[];
}

export const noTuning: MatchTuning = { adjustments: [] };

/** The rules an organisation's dismissal counts put in force. */
export function tuningFrom(counts: Partial<Record<MatchFeedbackReason, number>> | null | undefined): MatchTuning {
  const adjustments = matchFeedbackReasons.filter(
    (r): r is MatchAdjustment => r !== 'other' && (counts?.[r] ?? 0) >= FEEDBACK_REPEAT,
  );
  return { adjustments };
}

/** Both organisations' rules together. */
export function combineTunings(...tunings: (MatchTuning | null | undefined)[]): MatchTuning {
  const all = new Set(tunings.flatMap((t) => t?.adjustments ?? []));
  return { adjustments: matchFeedbackReasons.filter((r): r is MatchAdjustment => all.has(r as MatchAdjustment)) };
}
