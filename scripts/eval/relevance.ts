import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchApp } from '../bench/lib';
import { belowThresholds, formatReport, RELEVANCE_FLOORS, RELEVANCE_TARGETS } from './relevance/report';
import { evaluateRelevance, indexThenMatch, loadSetIntoApp } from './relevance/run';
import { loadRelevanceSet } from './relevance/set';

/**
 * npm run eval:relevance — the labelled relevance set (scripts/eval/relevance/*.json)
 * against a real app with its own services: every organisation and listing
 * created and published through the commands, indexing and matching settled,
 * every query sent to GET /api/search, the stored matches read back.
 *
 *   -- --json out.json   also write the full report as JSON
 *   -- --floor           exit 1 below the CI regression floors (report.ts)
 *   -- --targets         exit 1 below the issue's targets
 */
function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const arg = args[i];
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[i + 1] ?? '');
}
const flag = (name: string) => process.argv.slice(2).includes(`--${name}`);

async function main() {
  const set = loadRelevanceSet();
  const t0 = Date.now();
  const app = await startBenchApp({ seedDemo: false });
  try {
    const t1 = Date.now();
    const loaded = await loadSetIntoApp(app.ctx, app.workers, set);
    const t2 = Date.now();
    const { indexMs, matchMs } = await indexThenMatch(app.workers);
    const t3 = Date.now();
    const report = await evaluateRelevance(app.ctx, app.url, set, loaded);
    const t4 = Date.now();
    report.timings = { ...report.timings, servicesMs: t1 - t0, loadMs: t2 - t1, indexMs, matchMs, evaluateMs: t4 - t3 };
    console.log(formatReport(report));
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `\nTook ${s(t4 - t0)}: services ${s(t1 - t0)}, loading ${s(t2 - t1)}, indexing ${s(indexMs)}, matching ${s(matchMs)}, queries and matches ${s(t4 - t3)} (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`,
    );
    const json = option('json');
    if (json) {
      fs.writeFileSync(path.resolve(json), `${JSON.stringify(report, null, 2)}\n`);
      console.log(`Report written to ${path.resolve(json)}`);
    }
    let failed = false;
    for (const [name, thresholds, wanted] of [
      ['floors', RELEVANCE_FLOORS, flag('floor')],
      ['targets', RELEVANCE_TARGETS, flag('targets')],
    ] as const) {
      const below = belowThresholds(report, thresholds);
      console.log(`${below.length ? '✗' : '✓'} ${name}${below.length ? `: ${below.join('; ')}` : ' met'}`);
      if (wanted && below.length) failed = true;
    }
    if (failed) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
