import { belowThresholds, formatReport, RELEVANCE_FLOORS, rankingTable } from '../scripts/eval/relevance/report';
import { evaluateRelevance, indexThenMatch, loadSetIntoApp } from '../scripts/eval/relevance/run';
import { loadRelevanceSet } from '../scripts/eval/relevance/set';
import { startTestApp, type TestApp } from './helpers/app';

/**
 * The relevance evaluation (npm run eval:relevance) as a regression floor:
 * the labelled set loaded through the commands into an app on the run's
 * services, every query through GET /api/search, the matcher's stored
 * matches. Fails below RELEVANCE_FLOORS (scripts/eval/relevance/report.ts)
 * and prints the report: the failing queries with their top 3, the pushed
 * pairs the expert did not put forward.
 */
describe('relevance regression floor', () => {
  jest.setTimeout(300_000);
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps hit@3, MRR, nDCG@10 and the precision of pushed matches at or above the floors', async () => {
    const set = loadRelevanceSet();
    const loaded = await loadSetIntoApp(t.ctx, t.workers, set);
    await indexThenMatch(t.workers);
    const report = await evaluateRelevance(t.ctx, t.url, set, loaded);
    const below = belowThresholds(report, RELEVANCE_FLOORS);
    const m = report.matching;
    console.log(
      below.length
        ? formatReport(report, { falsePushes: 10 })
        : `${rankingTable(report)}\nprecision of pushed matches ${m.precision.toFixed(3)} (${m.pushedRelevant}/${m.pushed}), recall of expert pairs ${m.recall.toFixed(3)}`,
    );
    expect(below).toEqual([]);
  });
});
