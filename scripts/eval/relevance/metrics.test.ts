import { scoreQuery, summarizeMatching, summarizeRanking } from './metrics';

describe('relevance metrics', () => {
  it('scores a ranking: hit@3, reciprocal rank of the first grade ≥ 2 result, graded nDCG@10', () => {
    const relevant = { a: 3, b: 2, c: 1 };
    expect(scoreQuery(['a', 'b', 'c'], relevant)).toEqual({ hit3: 1, rr: 1, ndcg10: 1, firstHit: 1 });
    const late = scoreQuery(['x', 'c', 'y', 'b'], relevant);
    expect(late.hit3).toBe(0);
    expect(late.rr).toBe(0.25);
    expect(late.firstHit).toBe(4);
    // DCG = 1/log2(3) + 3/log2(5); ideal = 7 + 3/log2(3) + 1/2
    expect(late.ndcg10).toBeCloseTo((1 / Math.log2(3) + 3 / Math.log2(5)) / (7 + 3 / Math.log2(3) + 0.5), 10);
    // A grade-1 result is not a hit.
    expect(scoreQuery(['c'], relevant)).toMatchObject({ hit3: 0, rr: 0, firstHit: null });
    expect(scoreQuery([], relevant)).toEqual({ hit3: 0, rr: 0, ndcg10: 0, firstHit: null });
  });

  it('only counts the first ten results', () => {
    const ranked = [...Array.from({ length: 10 }, (_, i) => `x${i}`), 'a'];
    expect(scoreQuery(ranked, { a: 3 })).toEqual({ hit3: 0, rr: 0, ndcg10: 0, firstHit: null });
  });

  it('averages per query', () => {
    const s = summarizeRanking([
      { hit3: 1, rr: 1, ndcg10: 1, firstHit: 1 },
      { hit3: 0, rr: 0.25, ndcg10: 0.5, firstHit: 4 },
    ]);
    expect(s).toEqual({ n: 2, hit3: 0.5, mrr: 0.625, ndcg10: 0.75 });
    expect(summarizeRanking([])).toEqual({ n: 0, hit3: 0, mrr: 0, ndcg10: 0 });
  });

  it('measures pushed matches against the expert pairs', () => {
    const pairs = [
      { demand: 'd1', relevantOffers: ['o1', 'o2'], wrongOffers: ['o3'] },
      { demand: 'd2', relevantOffers: [], wrongOffers: [] },
    ];
    const m = summarizeMatching(
      [
        { demand: 'd1', offer: 'o1', score: 90, active: true },
        { demand: 'd1', offer: 'o3', score: 75, active: true },
        { demand: 'd1', offer: 'o2', score: 60, active: true },
        { demand: 'd2', offer: 'o1', score: 95, active: false },
        { demand: 'd2', offer: 'o4', score: 71, active: true },
      ],
      pairs,
      70,
    );
    expect(m).toMatchObject({ active: 4, pushed: 3, pushedRelevant: 1, pushedWrong: 1, expertPairs: 2 });
    expect(m.precision).toBeCloseTo(1 / 3);
    expect(m.recall).toBe(1);
    expect(m.recallPushed).toBe(0.5);
    expect(m.falsePushes.map((f) => [f.demand, f.offer, f.wrong])).toEqual([
      ['d1', 'o3', true],
      ['d2', 'o4', false],
    ]);
    expect(m.missed).toEqual([]);
    expect(summarizeMatching([], pairs, 70)).toMatchObject({
      precision: 1,
      recall: 0,
      missed: pairs[0].relevantOffers.map((offer) => ({ demand: 'd1', offer })),
    });
  });
});
