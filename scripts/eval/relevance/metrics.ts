/**
 * Ranking and matching metrics of the relevance evaluation (pure functions).
 *
 * - hit@3: a result of grade ≥ 2 among the first three ("query top-3" is its mean);
 * - reciprocal rank of the first grade ≥ 2 result in the first ten (0 if none);
 * - nDCG@10 with graded gains 2^g − 1 over the ideal ordering of all labelled listings;
 * - precision of pushed matches: among active matches scored at or above the
 *   strong threshold, the share whose pair the expert put forward.
 */

/** The lowest grade that counts as a hit. */
export const HIT_GRADE = 2;

export interface QueryScores {
  hit3: number;
  rr: number;
  ndcg10: number;
  /** 1-based rank of the first grade ≥ 2 result, or null. */
  firstHit: number | null;
}

const gain = (grade: number) => 2 ** grade - 1;
const discount = (index: number) => Math.log2(index + 2);

/** Scores of one ranked result list (listing keys, best first) against graded labels. */
export function scoreQuery(ranked: string[], relevant: Record<string, number>): QueryScores {
  const grades = ranked.slice(0, 10).map((key) => relevant[key] ?? 0);
  const first = grades.findIndex((g) => g >= HIT_GRADE);
  const dcg = grades.reduce((sum, g, i) => sum + gain(g) / discount(i), 0);
  const ideal = Object.values(relevant)
    .sort((a, b) => b - a)
    .slice(0, 10)
    .reduce((sum, g, i) => sum + gain(g) / discount(i), 0);
  return {
    hit3: first >= 0 && first < 3 ? 1 : 0,
    rr: first >= 0 ? 1 / (first + 1) : 0,
    ndcg10: ideal ? dcg / ideal : 0,
    firstHit: first >= 0 ? first + 1 : null,
  };
}

export interface RankingSummary {
  n: number;
  hit3: number;
  mrr: number;
  ndcg10: number;
}

export function summarizeRanking(scores: QueryScores[]): RankingSummary {
  const mean = (pick: (s: QueryScores) => number) =>
    scores.length ? scores.reduce((sum, s) => sum + pick(s), 0) / scores.length : 0;
  return { n: scores.length, hit3: mean((s) => s.hit3), mrr: mean((s) => s.rr), ndcg10: mean((s) => s.ndcg10) };
}

export interface MatchRow {
  offer: string;
  demand: string;
  score: number;
  active: boolean;
}

export interface ExpertPair {
  demand: string;
  relevantOffers: string[];
  wrongOffers: string[];
}

export interface MatchingSummary {
  /** Active matches (listed to users). */
  active: number;
  /** Active matches at or above the strong threshold (pushed live). */
  pushed: number;
  /** Pushed matches whose pair the expert put forward. */
  pushedRelevant: number;
  /** pushedRelevant / pushed (1 when nothing is pushed: nothing wrong was pushed). */
  precision: number;
  /** Pushed matches the expert explicitly rejected (wrongOffers). */
  pushedWrong: number;
  /** Expert pairs found among active matches / all expert pairs. */
  recall: number;
  /** Expert pairs pushed / all expert pairs. */
  recallPushed: number;
  expertPairs: number;
  /** Pushed pairs that are not expert pairs, best score first. */
  falsePushes: (MatchRow & { wrong: boolean })[];
  /** Expert pairs with no active match. */
  missed: { demand: string; offer: string }[];
}

export function summarizeMatching(rows: MatchRow[], pairs: ExpertPair[], strong: number): MatchingSummary {
  const byDemand = new Map(pairs.map((p) => [p.demand, p]));
  const isRelevant = (m: MatchRow) => !!byDemand.get(m.demand)?.relevantOffers.includes(m.offer);
  const isWrong = (m: MatchRow) => !!byDemand.get(m.demand)?.wrongOffers.includes(m.offer);
  const active = rows.filter((m) => m.active);
  const pushed = active.filter((m) => m.score >= strong);
  const pushedRelevant = pushed.filter(isRelevant).length;
  const activePairs = new Set(active.map((m) => `${m.demand}|${m.offer}`));
  const pushedPairs = new Set(pushed.map((m) => `${m.demand}|${m.offer}`));
  const expert = pairs.flatMap((p) => p.relevantOffers.map((offer) => ({ demand: p.demand, offer })));
  const found = expert.filter((e) => activePairs.has(`${e.demand}|${e.offer}`)).length;
  const foundPushed = expert.filter((e) => pushedPairs.has(`${e.demand}|${e.offer}`)).length;
  return {
    active: active.length,
    pushed: pushed.length,
    pushedRelevant,
    precision: pushed.length ? pushedRelevant / pushed.length : 1,
    pushedWrong: pushed.filter(isWrong).length,
    recall: expert.length ? found / expert.length : 1,
    recallPushed: expert.length ? foundPushed / expert.length : 1,
    expertPairs: expert.length,
    falsePushes: pushed
      .filter((m) => !isRelevant(m))
      .map((m) => ({ ...m, wrong: isWrong(m) }))
      .sort((a, b) => b.score - a.score || a.demand.localeCompare(b.demand)),
    missed: expert.filter((e) => !activePairs.has(`${e.demand}|${e.offer}`)),
  };
}
