import { type MatchFeedbackReason, type MatchTuning, matchFeedbackReasons, tuningFrom } from '@techbridge/shared';
import { defineStore } from '../../platform/db';
import { keyIndex } from '../../platform/keyIndex';

/** How many dismissals an organisation's key keeps (its newest). */
const KEEP = 1000;

const parse = (entry: string) => {
  const at = entry.lastIndexOf(':');
  return { matchId: entry.slice(0, at), reason: entry.slice(at + 1) as MatchFeedbackReason };
};

/**
 * The "Không phù hợp" feedback of each organisation: a key document per
 * organisation listing "<match id>:<reason>" for each match it dismissed
 * with a reason (one entry per match, the latest reason). Read by `_id`
 * when the matcher scores a pair, to apply the organisation's repeated
 * reasons (see shared/src/matching/feedback.ts).
 */
export const feedbackStore = defineStore((connection) => {
  const byOrg = keyIndex(connection, 'MatchFeedback');
  const counts = async (orgId: string): Promise<Record<MatchFeedbackReason, number>> => {
    const out = Object.fromEntries(matchFeedbackReasons.map((r) => [r, 0])) as Record<MatchFeedbackReason, number>;
    for (const entry of await byOrg.get(orgId)) {
      const { reason } = parse(entry);
      if (reason in out) out[reason] += 1;
    }
    return out;
  };
  return {
    /** Records (or changes) the reason an organisation gave for dismissing a match. */
    async record(orgId: string, matchId: string, reason: MatchFeedbackReason): Promise<void> {
      const stale = (await byOrg.get(orgId)).filter((e) => parse(e).matchId === matchId);
      if (stale.length) await byOrg.remove(orgId, stale);
      await byOrg.add(orgId, [`${matchId}:${reason}`], KEEP);
    },
    /** How many matches an organisation dismissed for each reason. */
    counts,
    /** The tuning each organisation's feedback puts in force (one read by `_id` each). */
    async tunings(orgIds: string[]): Promise<Map<string, MatchTuning>> {
      const unique = [...new Set(orgIds)];
      const all = await Promise.all(unique.map(async (id) => [id, tuningFrom(await counts(id))] as const));
      return new Map(all);
    },
  };
});
