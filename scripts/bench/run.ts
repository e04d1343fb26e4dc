/**
 * The benchmark suite (issue 8). Starts the services and the server as
 * `npm start` does (the server in its own process, so its memory is its
 * own), loads generated listings through the bulk import API, then measures:
 *  - HTTP load with autocannon: search through our API, the same queries as a
 *    naive MongoDB `$regex` "contains" search over the same fields (the
 *    approach common in CMS-based exchanges), and straight against
 *    Meilisearch (the floor our API adds to); listing detail; login; each
 *    after a few seconds of the same load, unmeasured (a warm server);
 *  - Socket.IO: many connected clients in a deal room, fan-out latency of a
 *    chat message to all of them;
 *  - publish → `match:new` latency;
 *  - bulk-import throughput (the load phase itself);
 *  - the server's peak RSS.
 * Prints a table and writes JSON under bench-results/.
 *
 * Run: npm run bench [-- --quick] [--listings=N] [--duration=S] [--sockets=N] [--connections=N] [--settle=MIN]
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type ListingType, provinceCodes, searchQuerySchema } from '@techbridge/shared';
import autocannon from 'autocannon';
import mongoose from 'mongoose';
import { meiliSearchRequest } from '../../server/src/modules/search/query';
import { createSearch, type Search } from '../../server/src/platform/search/client';
import { defaultCacheDir, startServices } from '../../server/src/platform/services';
import { getFreePort } from '../../server/src/platform/services/ports';
import { linkIn, Mailbox } from '../../tests/helpers/mailbox';
import { repoRoot, spawnTs, startNodeFlags, waitFor, waitForReady } from '../../tests/helpers/processes';
import { latencyChartSvg } from './chart';
import { publishToMatchLatency } from './demo';
import { connectSocket, type LatencySummary, login, openDemoDeal, type Sock, summarize, writeResults } from './lib';
import { rowsFor } from './rows';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const quick = process.argv.includes('--quick');
const LISTINGS = arg('listings', quick ? 2_000 : 100_000);
const DURATION = arg('duration', quick ? 5 : 20);
/** Seconds of the same load, unmeasured, before each measured run (see run). */
const WARM_UP = quick ? 2 : 5;
const SOCKETS = arg('sockets', quick ? 200 : 2_000);
const CONNECTIONS = arg('connections', 20);
const PUBLISHES = quick ? 10 : 50;
const ORGS = quick ? 4 : 20;
const SETTLE_MINUTES = arg('settle', quick ? 5 : 60);

const QUERIES = [
  'nuoi tom',
  'xử lý nước thải',
  'may say nong san',
  'truy xuất nguồn gốc',
  'sâm Ngọc Linh',
  'phan bon vi sinh',
  'năng lượng mặt trời',
  'cảm biến',
  'lua chiu man',
  'bảo quản trái cây',
];
/** Every province of the 2025 map, in turn. */
const PROVINCES = provinceCodes;

interface LoadRow {
  /** Latencies in ms; null when no request completed within the run (all slower than it). */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  requestsPerSecond: number;
  requests: number;
  errors: number;
  /** CPU time per request of our server and of Meilisearch during the measured run (ms; see `charged`). */
  serverCpuMs?: number;
  meiliCpuMs?: number;
}

/** The processes CPU is counted for (loads, import files, matching), once they run (looked up at each reading: a child may restart). */
const charged: Partial<Record<'server' | 'meili' | 'db', () => number | undefined>> = {};

/**
 * A process's CPU time so far, user and system, in ms (/proc counts clock ticks, 100 a second on Linux), with its
 * pid; undefined for no process (an outside Meilisearch) or one gone.
 */
function cpuOf(pid: number | undefined): { pid: number; ms: number } | undefined {
  if (!pid) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ms: (Number(fields[11]) + Number(fields[12])) * 10 };
  } catch {
    return undefined;
  }
}

/** CPU per request between two readings of one process (none when it was not the same process throughout). */
function cpuPerRequest(
  before: ReturnType<typeof cpuOf>,
  after: ReturnType<typeof cpuOf>,
  requests: number,
): number | undefined {
  if (!before || !after || before.pid !== after.pid || !requests) return undefined;
  return Math.round(((after.ms - before.ms) / requests) * 100) / 100;
}

/** Each charged process's CPU reading now, to be compared with a later one (cpuSince). */
const cpuNow = () =>
  (['server', 'meili', 'db'] as const).map((name) => [name, charged[name], cpuOf(charged[name]?.())] as const);

/** Each charged process's CPU per unit since the readings (ms), for the processes read both times. */
function cpuSince(readings: ReturnType<typeof cpuNow>, units: number): Record<string, number> {
  const spent: Record<string, number> = {};
  for (const [name, pid, before] of readings) {
    const per = cpuPerRequest(before, cpuOf(pid?.()), units);
    if (per !== undefined) spent[name] = per;
  }
  return spent;
}

async function api<T>(url: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const res = await fetch(url, {
    ...init,
    headers: {
      ...(init.body && typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json().catch(() => ({}))) as T;
}

/**
 * Registers organisations, verifies them and imports the generated listings through the HTTP import. The import's
 * figure is its requests' time (upload to every row searchable); `loadMs` adds each organisation's sign-up.
 */
async function load(
  base: string,
  mailbox: Mailbox,
): Promise<{ rows: number; ms: number; rowsPerSecond: number; loadMs: number }> {
  const perOrg = Math.ceil(LISTINGS / ORGS);
  const started = Date.now();
  let importing = 0;
  let rows = 0;
  for (let o = 0; o < ORGS; o++) {
    const type: ListingType = o % 5 < 3 ? 'offer' : 'demand';
    const count = Math.min(perOrg, LISTINGS - rows);
    if (count <= 0) break;
    const email = `bench${o}.${Date.now()}@example.vn`;
    const reg = await api<{ accessToken: string; organization: { id: string } }>(`${base}/api/auth/register`, {
      method: 'POST',
      body: JSON.stringify({
        name: `Bench ${o}`,
        email,
        password: 'MatKhau2026',
        organization: {
          name: `${type === 'offer' ? 'Viện nghiên cứu' : 'Doanh nghiệp'} đo tải ${o}`,
          type: type === 'offer' ? 'research_institute' : 'enterprise',
          province: PROVINCES[o % PROVINCES.length],
        },
      }),
    });
    // The address confirmed through the link the server mailed (to its own catcher), as a user would.
    const mail = await mailbox.waitFor(email, (m) => m.text.includes('/verify-email?token='), 60_000);
    await api(`${base}/api/auth/verify-email`, {
      method: 'POST',
      body: JSON.stringify({ token: linkIn(mail, '/verify-email').searchParams.get('token') }),
    });
    await api(`${base}/api/admin/organizations/${reg.organization.id}`, {
      method: 'PATCH',
      // Logged in again for each organisation: a long load outlives an access token (15 min).
      token: await login(base, 'admin@demo.vn'),
      body: JSON.stringify({ verified: true }),
    });
    // Files of at most 5,000 rows, as an institute would upload them.
    for (let from = 0; from < count; from += 5_000) {
      const n = Math.min(5_000, count - from);
      const form = new FormData();
      form.append('file', new Blob([rowsFor(type, rows + from, n)], { type: 'text/csv' }), `${type}s.csv`);
      const sent = Date.now();
      const cpu = cpuNow();
      const report = await api<{ data: { created: number; invalid: number } }>(
        `${base}/api/import/${type}?dryRun=false`,
        { method: 'POST', token: reg.accessToken, body: form },
      );
      importing += Date.now() - sent;
      // Each file's time and what each process spent on it (ms of CPU), to see what slows a file down.
      if (quick || from === 0)
        console.log(`    ${n} rows in ${Date.now() - sent} ms; CPU ms: ${JSON.stringify(cpuSince(cpu, 1))}`);
      if (report.data.invalid) throw new Error(`generated rows were refused: ${JSON.stringify(report.data)}`);
    }
    rows += count;
    console.log(`  loaded ${rows}/${LISTINGS} listings (${Math.round(rows / (importing / 1000))} rows/s, searchable)`);
  }
  return { rows, ms: importing, rowsPerSecond: Math.round(rows / (importing / 1000)), loadMs: Date.now() - started };
}

/**
 * One load run; its row is printed as soon as it is measured, so a later failure does not lose it. Unless told
 * otherwise, the same load runs unmeasured for a moment first, so that what is measured is the steady state of a
 * warm server (code compiled, connections open): the same for our API and for Meilisearch direct.
 */
async function run(opts: autocannon.Options & { label: string; warmUp?: boolean }): Promise<LoadRow> {
  const { label, warmUp = true, ...options } = opts;
  if (warmUp) await load1({ ...options, duration: WARM_UP });
  const cpu = cpuNow();
  const row = await load1(options);
  const spent = cpuSince(cpu, row.requests);
  row.serverCpuMs = spent.server;
  row.meiliCpuMs = spent.meili;
  console.log(`  ${label}: ${JSON.stringify(row)}`);
  return row;
}

function load1(opts: autocannon.Options): Promise<LoadRow> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts }, (err, r) => {
      if (err) return reject(err);
      // autocannon reports p90 and p97.5; p95 is interpolated between them.
      const { p50, p90, p97_5, p99 } = r.latency;
      const none = r.requests.total === 0;
      resolve({
        p50: none ? null : p50,
        p95: none ? null : Math.round((p90 + ((p97_5 - p90) * 5) / 7.5) * 100) / 100,
        p99: none ? null : p99,
        requestsPerSecond: Math.round(r.requests.average),
        requests: r.requests.total,
        errors: r.errors + r.timeouts + r.non2xx,
      });
    });
  });
}

/** A rotating request list, so that every connection cycles through all queries. */
function rotating(paths: string[], extra: Partial<autocannon.Request> = {}): autocannon.Request[] {
  return paths.map((p) => ({ method: 'GET', path: p, ...extra }) as autocannon.Request);
}

/** The naive baseline: case-insensitive `$regex` "contains" over the same fields, on the same data. */
async function regexBaseline(mongoUri: string, dbName: string): Promise<{ url: string; close(): Promise<void> }> {
  const conn = await mongoose.createConnection(mongoUri, { dbName }).asPromise();
  const server = http.createServer(async (req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams.get('q') ?? '';
    const re = { $regex: q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
    const fields = ['title', 'summary', 'keywords'];
    const filter = { status: 'published', deletedAt: null, $or: fields.map((f) => ({ [f]: re })) };
    try {
      const [offers, demands] = await Promise.all([
        conn.collection('offers').find(filter).limit(20).toArray(),
        conn.collection('demands').find(filter).limit(20).toArray(),
      ]);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ hits: [...offers, ...demands].slice(0, 20).map((d) => ({ id: String(d._id) })) }));
    } catch (err) {
      res.writeHead(500);
      res.end(String(err));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise((r) => server.close(r));
      await conn.close();
    },
  };
}

/** SOCKETS clients of both parties in one deal room; fan-out latency of messages to every one of them. */
async function socketFanOut(base: string, messages: number): Promise<LatencySummary & { connected: number }> {
  const { enterprise: a, institute: b, dealId } = await openDemoDeal(base);
  const sockets: Sock[] = [];
  try {
    for (let i = 0; i < SOCKETS; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, SOCKETS - i) }, (_, k) => connectSocket(base, (i + k) % 2 ? a : b)),
      );
      await Promise.all(
        batch.map((s) => new Promise<void>((resolve) => s.emit('deal:join', { dealId }, () => resolve()))),
      );
      sockets.push(...batch);
    }
    const sender = sockets[0];
    const samples: number[] = [];
    for (let m = 0; m < messages; m++) {
      const clientId = `fanout-${m}`;
      const started = performance.now();
      const delivered = Promise.all(
        sockets.map(
          (s) =>
            new Promise<void>((resolve, reject) => {
              const timer = setTimeout(() => reject(new Error('message:new not received within 10 s')), 10_000);
              const on = (p: { message: { clientId: string } }) => {
                if (p.message.clientId !== clientId) return;
                clearTimeout(timer);
                s.off('message:new', on);
                samples.push(performance.now() - started);
                resolve();
              };
              s.on('message:new', on);
            }),
        ),
      );
      sender.emit('message:send', { dealId, body: `Đo phát tán ${m}`, clientId }, () => undefined);
      await delivered;
    }
    return { ...summarize(samples), connected: sockets.length };
  } finally {
    for (const s of sockets) s.close();
  }
}

/**
 * A collection's number of documents, from its statistics: counting them would read every one on FerretDB (1 s of
 * its CPU at 50,000, each time, beside what is measured; the statistics take 34 ms). The benchmark must not load
 * what it measures.
 */
async function sizeOf(conn: mongoose.Connection, collection: string): Promise<number> {
  return ((await conn.db!.command({ collStats: collection })) as { count?: number }).count ?? 0;
}

/** Waits until no listing is waiting for the matcher (at most --settle minutes), printing progress. */
async function settleMatching(
  mongoUri: string,
  dbName: string,
): Promise<{ seconds: number; listingsPerSecond: number; left: number; cpuMsPerListing: Record<string, number> }> {
  const conn = await mongoose.createConnection(mongoUri, { dbName }).asPromise();
  const started = Date.now();
  // Where the matching's CPU goes: each process's CPU time per listing matched (the embedded services only).
  const cpu = cpuNow();
  const deadline = started + SETTLE_MINUTES * 60_000;
  // The matcher's work queue (see listings/queue.store).
  const dirty = () => sizeOf(conn, 'matchqueue');
  try {
    const initial = await dirty();
    let left = initial;
    // Looked at every second, and every tenth of one once the queue is about to empty (the end is when it empties,
    // not the next look: half a second late on average at 2,000 listings was 1.5 % of the figure), shown every ten.
    let shown = started;
    while (left > 0 && Date.now() < deadline) {
      const rate = (initial - left) / Math.max((Date.now() - started) / 1000, 1);
      await new Promise((r) => setTimeout(r, left <= 2 * rate ? 100 : 1000));
      left = await dirty();
      if (left > 0 && Date.now() - shown < 10_000) continue;
      shown = Date.now();
      const seconds = (Date.now() - started) / 1000;
      console.log(`  matched ${initial - left}/${initial} (${Math.round((initial - left) / seconds)} listings/s)`);
    }
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    const cpuMsPerListing = cpuSince(cpu, initial - left);
    console.log(`  CPU per listing matched (ms): ${JSON.stringify(cpuMsPerListing)}`);
    return { seconds, listingsPerSecond: Math.round((initial - left) / Math.max(seconds, 0.1)), left, cpuMsPerListing };
  } finally {
    await conn.close();
  }
}

/**
 * Waits until what the matching set off is delivered too (at most --settle minutes): the events of the new
 * matches, and the mails they queued. The measurements that follow are of a steady state.
 */
async function settleDeliveries(mongoUri: string, dbName: string): Promise<void> {
  const conn = await mongoose.createConnection(mongoUri, { dbName }).asPromise();
  const deadline = Date.now() + SETTLE_MINUTES * 60_000;
  try {
    for (;;) {
      const events = await sizeOf(conn, 'outbox');
      const mails = await conn
        .collection('mailqueue')
        .countDocuments({ sendAfter: { $lte: new Date() }, failedAt: null });
      if ((!events && !mails) || Date.now() > deadline) return;
      console.log(`  delivering: ${events} event(s), ${mails} mail(s)`);
      await new Promise((r) => setTimeout(r, 5_000));
    }
  } finally {
    await conn.close();
  }
}

/**
 * Waits until Meilisearch has no task enqueued or processing (at most --settle minutes). The publications measured
 * just before the HTTP loads leave indexing behind them (once, a task at a full core for 3.5 s): measured beside it,
 * the search through our API was charged 5.4–5.6 ms of Meilisearch's CPU a request against 3.3–4.0 ms for the
 * same request sent direct a few seconds later.
 */
async function settleIndexing(search: Search): Promise<void> {
  const deadline = Date.now() + SETTLE_MINUTES * 60_000;
  for (;;) {
    const { total, results } = await search.client.tasks.getTasks({ statuses: ['enqueued', 'processing'], limit: 1 });
    if (!total || Date.now() > deadline) return;
    console.log(`  indexing: ${total} task(s) waiting or running (${results.map((t) => t.type).join(', ')})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-'));
  const log = { info: (m: string) => console.log(m), warn: (m: string) => console.warn(m), error: console.error };
  console.log(
    `TechBridge benchmark${quick ? ' (quick)' : ''}: ${LISTINGS} listings, ${CONNECTIONS} connections × ${DURATION} s, ${SOCKETS} sockets`,
  );
  const services = await startServices({
    dataDir,
    cacheDir: process.env.CACHE_DIR ?? defaultCacheDir,
    mongodbUri: process.env.MONGODB_URI,
    meiliUrl: process.env.MEILI_URL,
    meiliMasterKey: process.env.MEILI_MASTER_KEY,
    log,
  });
  const port = await getFreePort();
  const dbName = `bench_${Date.now()}`;
  const server = spawnTs(
    path.join(repoRoot, 'server/src/main.ts'),
    [],
    {
      PORT: String(port),
      DATA_DIR: path.join(dataDir, 'app'),
      MONGODB_URI: services.mongodbUri,
      MONGODB_DB: dbName,
      MEILI_URL: services.meiliUrl,
      MEILI_MASTER_KEY: services.meiliMasterKey,
      MEILI_INDEX_PREFIX: `${dbName}_`,
      SEED_DEMO: 'true',
      // The load comes from one address: no rate limit may shape the figures.
      LOGIN_RATE_LIMIT: '1000000',
      REGISTER_RATE_LIMIT: '1000000',
      SEARCH_RATE_LIMIT: '1000000000',
      MESSAGE_RATE_LIMIT: '1000000000',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    // SERVER_NODE_FLAGS: extra flags for the server alone (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
    [...startNodeFlags(), ...(process.env.SERVER_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [])],
  );
  // Interrupted (Ctrl-C, a timeout): the server and the services go too.
  const interrupted = () => {
    server.kill('SIGKILL');
    void services.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  // However this process ends (a crash included), the server it started goes with it.
  process.once('exit', () => server.kill('SIGKILL'));
  const base = `http://127.0.0.1:${port}`;
  charged.server = () => server.pid;
  // Meilisearch's own process when it is the embedded one (an outside MEILI_URL is not counted).
  charged.meili = () => services.pidOf('search');
  charged.db = () => services.pidOf('db');
  try {
    await waitForReady(base, 180_000, `the server at ${base}\n${server.output()}`);
    await waitFor(() => /Demo data ready/.test(server.output()), 900_000, 'the demo data');
    // The same engine tuning `npm start` applies to its own services (FerretDB: the _id lookup index). The
    // server was handed these services' address, as an outside database, so it cannot apply it itself.
    await services.prepareDatabase(dbName);
    // Before the bulk load, on the demo listings alone; measured again once the load is in.
    console.log('Publish → match:new (demo data)…');
    const publishToMatchDemo = await publishToMatchLatency(base, PUBLISHES);
    console.log('Loading listings through the bulk import API…');
    const imported = await load(base, Mailbox.fromBanner(server.output()));
    // The load-bearing measurements are of a steady state: the matcher first works through the imported
    // listings (measured as matching throughput), as it would overnight after a large import.
    console.log('Matching the imported listings…');
    const matching = await settleMatching(services.mongodbUri, dbName);
    await settleDeliveries(services.mongodbUri, dbName);
    // A user's publication is matched ahead of whatever the matcher still has to do.
    console.log(`Publish → match:new (${LISTINGS} listings)…`);
    const publishToMatch = await publishToMatchLatency(base, PUBLISHES);
    console.log(`  ${JSON.stringify(publishToMatch)}`);
    // The loads are measured once what the publications set off is indexed. (Not once the outbox is empty too: beside
    // a matching backlog, at 100,000 listings, it never is, and the deliveries' wait above has already run out.)
    await settleIndexing(createSearch(services.meiliUrl, services.meiliMasterKey, ''));

    const ids = (await api<{ hits: { id: string; type: string }[] }>(`${base}/api/search?q=&limit=100`)).hits;
    const meiliIndex = `${dbName}_listings`;
    const baseline = await regexBaseline(services.mongodbUri, dbName);
    const results: Record<string, LoadRow> = {};
    try {
      console.log('HTTP load…');
      results['search (our API)'] = await run({
        label: 'search (our API)',
        url: base,
        requests: rotating(QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}`)),
      });
      results['search (Meilisearch direct)'] = await run({
        label: 'search (Meilisearch direct)',
        url: services.meiliUrl,
        requests: QUERIES.map(
          (q) =>
            ({
              method: 'POST',
              path: `/indexes/${meiliIndex}/search`,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${services.meiliMasterKey}` },
              // Exactly the request our API makes for this query: the floor it adds to.
              body: JSON.stringify(meiliSearchRequest(searchQuerySchema.parse({ q }))),
            }) as autocannon.Request,
        ),
      });
      results['listing detail'] = await run({
        label: 'listing detail',
        url: base,
        requests: rotating(ids.map((h) => `/api/${h.type === 'offer' ? 'offers' : 'demands'}/${h.id}`)),
      });
      results.login = await run({
        label: 'login',
        url: base,
        connections: Math.min(CONNECTIONS, 4),
        requests: [
          {
            method: 'POST',
            path: '/api/auth/login',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'vien@demo.vn', password: 'TechBridge@2026' }),
          },
        ],
      });
    } catch (err) {
      await baseline.close();
      throw err;
    }
    console.log(`Socket fan-out to ${SOCKETS} clients…`);
    const fanOut = await socketFanOut(base, quick ? 5 : 20);
    console.log(`  ${JSON.stringify(fanOut)}`);
    // Last: FerretDB goes on scanning for the $regex queries autocannon gave up on, which would slow
    // whatever ran after them (listing detail and login answered nothing for minutes).
    try {
      results['search (naive $regex)'] = await run({
        label: 'search (naive $regex)',
        // It answers nothing within a run: warming it up would only keep FerretDB scanning longer.
        warmUp: false,
        url: baseline.url,
        requests: rotating(QUERIES.map((q) => `/?q=${encodeURIComponent(q)}`)),
      });
    } finally {
      await baseline.close();
    }
    const rssMb = peakRssMb(server.pid!);

    const ours = results['search (our API)'];
    const ratio = (a: number | null, b: number | null, digits: number) =>
      a === null || b === null || b === 0 ? null : Math.round((a / b) * 10 ** digits) / 10 ** digits;
    const ratios = {
      // null: the baseline answered no request within the run, so it is slower than the run is long.
      searchP95VsRegex: ratio(results['search (naive $regex)'].p95, ours.p95, 1),
      searchP95VsMeili: ratio(ours.p95, results['search (Meilisearch direct)'].p95, 2),
    };
    console.table(results);
    console.table({
      'socket fan-out (ms)': fanOut,
      [`publish → match:new at ${LISTINGS} listings (ms)`]: publishToMatch,
      'publish → match:new on the demo data (ms)': publishToMatchDemo,
    });
    console.table({
      'bulk import': { rows: imported.rows, seconds: imported.ms / 1000, rowsPerSecond: imported.rowsPerSecond },
      'matching after the import': {
        seconds: matching.seconds,
        listingsPerSecond: matching.listingsPerSecond,
        left: matching.left,
      },
      'server peak RSS': { MB: rssMb },
      'search p95: $regex ÷ ours': { ratio: ratios.searchP95VsRegex ?? `> ${DURATION} s, no answer` },
      'search p95: ours ÷ Meilisearch direct': { ratio: ratios.searchP95VsMeili },
    });
    const file = writeResults(quick ? 'bench-quick' : 'bench', {
      when: new Date().toISOString(),
      dbEngine: services.dbEngine,
      machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
      settings: { listings: LISTINGS, durationSeconds: DURATION, connections: CONNECTIONS, sockets: SOCKETS },
      import: imported,
      matching,
      http: results,
      socketFanOut: fanOut,
      publishToMatch,
      publishToMatchDemo,
      serverPeakRssMb: rssMb,
      ratios,
    });
    const chart = file.replace(/\.json$/, '.svg');
    const row = (
      label: string,
      r: { p50: number | null; p95: number | null; p99: number | null },
      target?: number,
    ) => ({
      label,
      p50: r.p50,
      p95: r.p95,
      p99: r.p99,
      target,
      note: `no answer within ${DURATION} s`,
    });
    fs.writeFileSync(
      chart,
      latencyChartSvg(`TechBridge benchmark, ${LISTINGS.toLocaleString('en')} listings (${services.dbEngine})`, [
        row('search, our API (20 clients)', ours, 50),
        row('search, Meilisearch direct', results['search (Meilisearch direct)']),
        row('search, naive $regex', results['search (naive $regex)']),
        row('listing detail', results['listing detail']),
        row('login', results.login),
        row(`socket fan-out (${fanOut.connected} clients)`, fanOut, 200),
        row('publish → match:new', publishToMatch, 500),
        row('publish → match:new, demo data only', publishToMatchDemo),
      ]),
    );
    console.log(`Results written to ${file}\nChart: ${chart}`);
  } catch (err) {
    // What the server logged (warnings and errors) explains most failed runs.
    console.error(`Server log (last lines):\n${server.output().split('\n').slice(-40).join('\n')}`);
    throw err;
  } finally {
    server.kill('SIGINT');
    await new Promise((r) => server.once('exit', r));
    await services.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
