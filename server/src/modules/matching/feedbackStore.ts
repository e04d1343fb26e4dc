import { type MatchFeedbackReason, type MatchTuning, matchFeedbackReasons, tuningFrom } from '@techbridge/shared';
import { defineStore } from '../../platform/db';
import { keyIndex } from '../../platform/keyIndex';

/** How many dismissals an organisation's key keeps (its newest). */
const KEEP = 1000;
/**
 * How long an organisation's tuning is reused (the matcher reads it for every pair it scores; feedback
 * recorded here takes effect at once, another instance's within this time).
 */
const TUNING_TTL_MS = 5_000;

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
  const recent = new Map<string, { at: number; tuning: MatchTuning }>();
  const tuningOf = async (orgId: string): Promise<MatchTuning> => {
    const known = recent.get(orgId);
    if (known && Date.now() - known.at < TUNING_TTL_MS) return known.tuning;
    const tuning = tuningFrom(await counts(orgId));
    if (recent.size > 10_000) recent.clear();
    recent.set(orgId, { at: Date.now(), tuning });
    return tuning;
  };
  return {
    /** Records (or changes) the reason an organisation gave for dismissing a match. */
    async record(orgId: string, matchId: string, reason: MatchFeedbackReason): Promise<void> {
      const stale = (await byOrg.get(orgId)).filter((e) => parse(e).matchId === matchId);
      if (stale.length) await byOrg.remove(orgId, stale);
      await byOrg.add(orgId, [`${matchId}:${reason}`], KEEP);
      recent.delete(orgId);
    },
    /** How many matches an organisation dismissed for each reason. */
    counts,
    /** The tuning each organisation's feedback puts in force (one read by `_id` each, reused for a few seconds). */
    async tunings(orgIds: string[]): Promise<Map<string, MatchTuning>> {
      const unique = [...new Set(orgIds)];
      const all = await Promise.all(unique.map(async (id) => [id, await tuningOf(id)] as const));
      return new Map(all);
    },
  };
});
