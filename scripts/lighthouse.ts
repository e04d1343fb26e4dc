/**
 * `npm run lighthouse`: Lighthouse (mobile defaults) on the landing page, a
 * search page and a listing page of the app as `npm start` runs it (the built
 * client served by the server, embedded services, the demo data), in a
 * temporary DATA_DIR, with Debian's Chromium. Scores go to
 * test-artifacts/lighthouse/ (one JSON report per page and summary.json/.txt).
 *
 * Lighthouse is not a dependency of the project: `npm install --no-save lighthouse` first.
 * Options: LIGHTHOUSE_BASE=http://host:port measures a running app instead; LIGHTHOUSE_RUNS=n
 * runs each page n times and keeps the median performance run (default 1); LIGHTHOUSE_LABEL names
 * the summary (e.g. "baseline").
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getFreePort } from '../server/src/platform/services/ports';
import { repoRoot, spawnTs, waitForReady } from '../tests/helpers/processes';
import { buildClientIfStale } from './lib/client';

const out = path.join(repoRoot, 'test-artifacts/lighthouse');
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1));
const label = process.env.LIGHTHOUSE_LABEL ?? 'current';
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface PageScore {
  page: string;
  url: string;
  scores: Record<(typeof categories)[number], number>;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  /** Bytes transferred for scripts (compressed as served). */
  scriptBytes: number;
}

function lighthouseCli(): string {
  try {
    return require.resolve('lighthouse/cli/index.js', { paths: [repoRoot] });
  } catch {
    console.error('Lighthouse is not installed: run `npm install --no-save lighthouse` first.');
    process.exit(2);
  }
}

/**
 * One Lighthouse run; a run Lighthouse itself gives up on (e.g. NO_NAVSTART, a trace it failed to record
 * on a busy machine) is tried again, up to three times.
 */
function runLighthouse(cli: string, url: string, file: string): PageScore['scores'] & Record<string, unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return runLighthouseOnce(cli, url, file);
    } catch (err) {
      if (attempt >= 3) throw err;
      console.warn(`${(err as Error).message}; trying again`);
    }
  }
}

function runLighthouseOnce(cli: string, url: string, file: string): PageScore['scores'] & Record<string, unknown> {
  const result = spawnSync(
    process.execPath,
    [
      cli,
      url,
      '--output=json',
      `--output-path=${file}`,
      `--only-categories=${categories.join(',')}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      '--quiet',
    ],
    { env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) throw new Error(`Lighthouse failed on ${url} (exit ${result.status})`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function scoreOf(page: string, url: string, report: Record<string, unknown>): PageScore {
  const lhr = report as unknown as {
    categories: Record<string, { score: number }>;
    audits: Record<
      string,
      { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } }
    >;
  };
  const scripts = lhr.audits['network-requests']?.details?.items ?? [];
  return {
    page,
    url,
    scores: Object.fromEntries(
      categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
    ) as PageScore['scores'],
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
    fcpMs: Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? 0),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
    cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
    scriptBytes: scripts.filter((i) => i.resourceType === 'Script').reduce((s, i) => s + (i.transferSize ?? 0), 0),
  };
}

async function startApp(): Promise<{ base: string; stop(): Promise<void> }> {
  if (process.env.LIGHTHOUSE_BASE) return { base: process.env.LIGHTHOUSE_BASE, stop: async () => {} };
  buildClientIfStale();
  const port = await getFreePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-lighthouse-'));
  const app = spawnTs(path.join(repoRoot, 'server/src/main.ts'), [], {
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(base, 180_000);
  } catch (err) {
    console.error(app.output());
    throw err;
  }
  return {
    base,
    async stop() {
      app.kill('SIGINT');
      await new Promise((r) => app.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A published offer, as the search index lists it (waits for the demo data to be indexed). */
async function someListing(base: string): Promise<string> {
  for (let i = 0; i < 120; i++) {
    const res = await fetch(`${base}/api/search?type=offer&sort=newest&limit=1`);
    if (res.ok) {
      const body = (await res.json()) as { hits: { id: string }[] };
      if (body.hits[0]) return `/offers/${body.hits[0].id}`;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('no published offer in the search index');
}

async function main() {
  const cli = lighthouseCli();
  fs.mkdirSync(out, { recursive: true });
  const app = await startApp();
  const results: PageScore[] = [];
  try {
    const pages: [string, string][] = [
      ['landing', '/'],
      ['search', '/search?q=n%C3%B4ng%20nghi%E1%BB%87p'],
      ['listing', await someListing(app.base)],
    ];
    // One warm-up request per page, so that the first measured run does not pay for cold caches on the server.
    for (const [, p] of pages) await fetch(`${app.base}${p}`).then((r) => r.text());
    for (const [name, p] of pages) {
      const url = `${app.base}${p}`;
      const tries: PageScore[] = [];
      for (let i = 0; i < runs; i++) {
        const file = path.join(out, `${label}-${name}${runs > 1 ? `-${i + 1}` : ''}.json`);
        tries.push(scoreOf(name, url, runLighthouse(cli, url, file)));
      }
      tries.sort((a, b) => a.scores.performance - b.scores.performance);
      const median = tries[Math.floor(tries.length / 2)];
      results.push(median);
      console.log(
        `${name.padEnd(8)} perf ${median.scores.performance} a11y ${median.scores.accessibility} ` +
          `bp ${median.scores['best-practices']} seo ${median.scores.seo} · LCP ${(median.lcpMs / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await app.stop();
  }
  const lines = [
    `Lighthouse (mobile defaults, ${chrome}) — ${label} — ${new Date().toISOString()}`,
    'page      perf  a11y  best  seo   LCP     FCP     TBT     CLS    JS (transferred)',
    ...results.map(
      (r) =>
        `${r.page.padEnd(9)} ${String(r.scores.performance).padEnd(5)} ${String(r.scores.accessibility).padEnd(5)} ` +
        `${String(r.scores['best-practices']).padEnd(5)} ${String(r.scores.seo).padEnd(5)} ` +
        `${`${(r.lcpMs / 1000).toFixed(1)} s`.padEnd(7)} ${`${(r.fcpMs / 1000).toFixed(1)} s`.padEnd(7)} ` +
        `${`${r.tbtMs} ms`.padEnd(7)} ${String(r.cls).padEnd(6)} ${(r.scriptBytes / 1024).toFixed(0)} kB`,
    ),
  ];
  fs.writeFileSync(path.join(out, `${label}-summary.json`), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(out, `${label}-summary.txt`), `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
