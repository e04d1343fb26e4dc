/**
 * Benchmarks on the demo data (issues 3 and 4):
 *  - reindex time of the demo listings;
 *  - search latency, p50/p95 over 200 queries through the HTTP API;
 *  - publish → match:new latency, p50/p95 over 50 publishes, as seen by a
 *    connected member of the matching organisation.
 * Run: npm run bench:demo
 */

import { io } from 'socket.io-client';
import { listingStore } from '../../server/src/modules/listings/store';
import { reindexAll } from '../../server/src/modules/search/reindex';
import { demandInput } from '../../tests/helpers/factories';
import { type LatencySummary, login, startBenchApp, summarize, writeResults } from './lib';

const QUERIES = [
  'nuoi tom',
  'nuôi tôm',
  'xu ly nuoc thai',
  'XLNT',
  'dat doi',
  'máy sấy',
  'may say nong san',
  'IoT',
  'truy xuat nguon goc',
  'sâm Ngọc Linh',
  'lua chiu man',
  'biogas',
  'phan bon vi sinh',
  'cà phê',
  'năng lượng mặt trời',
  'ao nuôi',
  'vắc xin',
  'Binh Duong',
  'Can Tho',
  'chế biến',
  'bảo quản trái cây',
  'robot',
  'AI',
  'cảm biến',
  'rơm rạ',
];
const FILTERS: Record<string, string>[] = [
  {},
  { type: 'offer' },
  { type: 'demand' },
  { sector: 'aquaculture' },
  { trlMin: '6' },
  { province: 'CTO' },
];

export async function searchLatency(url: string, count = 200): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const params = new URLSearchParams({ q: QUERIES[i % QUERIES.length], ...FILTERS[i % FILTERS.length] });
    const started = performance.now();
    const res = await fetch(`${url}/api/search?${params}`);
    await res.json();
    if (!res.ok) throw new Error(`search failed: ${res.status}`);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

/**
 * Publishes `count` demands that fit demo offers, one at a time, and times
 * each until the publisher's organisation hears `match:new` for it. A
 * publish not heard of within 10 s counts as missed (and is not timed).
 */
export async function publishToMatchLatency(url: string, count = 50): Promise<LatencySummary & { missed: number }> {
  const enterprise = await login(url, 'doanhnghiep@demo.vn');
  // The publisher's own organisation hears of every new pair of its demand, whichever offers those are.
  const socket = io(url, { auth: { token: enterprise }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const samples: number[] = [];
  let missed = 0;
  try {
    for (let i = 0; i < count; i++) {
      const created = await fetch(`${url}/api/demands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${enterprise}` },
        body: JSON.stringify(demandInput({ title: `Cần hệ thống xử lý nước thải chế biến thủy sản số ${i}` })),
      });
      const { data } = (await created.json()) as { data: { id: string } };
      const received = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          socket.off('match:new', onMatch);
          reject(new Error('no match:new within 10 s'));
        }, 10_000);
        const onMatch = (p: { match: { demand: { id: string } } }) => {
          if (p.match.demand.id !== data.id) return;
          clearTimeout(timer);
          socket.off('match:new', onMatch);
          resolve(performance.now());
        };
        socket.on('match:new', onMatch);
      }).catch(() => null); // A timeout: missed (handled now, as it may fire during the publish request).
      const started = performance.now();
      const published = await fetch(`${url}/api/demands/${data.id}/publish`, {
        method: 'POST',
        headers: { authorization: `Bearer ${enterprise}` },
      });
      if (!published.ok) throw new Error(`publish failed: ${published.status}`);
      const heard = await received;
      if (heard === null) missed += 1;
      else samples.push(heard - started);
    }
  } finally {
    socket.close();
  }
  return { ...summarize(samples), missed };
}

async function main() {
  const quick = process.argv.includes('--quick');
  const bench = await startBenchApp();
  try {
    await bench.workers.searchSync.settled(120_000);
    await bench.workers.matcher.settled(120_000);
    const listings =
      (await listingStore(bench.ctx.db).scanCount('offer')) + (await listingStore(bench.ctx.db).scanCount('demand'));
    const reindex = await reindexAll(bench.ctx.db, bench.ctx.search, bench.workers.searchSync);
    // Warm-up, then measure.
    await searchLatency(bench.url, 20);
    const search = await searchLatency(bench.url, quick ? 50 : 200);
    const publishToMatch = await publishToMatchLatency(bench.url, quick ? 10 : 50);
    // The rest of each publish's work (its other matches, notifications) finishes before the database goes.
    await bench.workers.matcher.settled(120_000);
    await bench.workers.outbox.settled(120_000);
    const results = {
      when: new Date().toISOString(),
      dbEngine: bench.services.dbEngine,
      listings,
      reindex,
      search,
      publishToMatch,
    };
    console.table({
      'search (ms)': search,
      'publish → match:new (ms)': publishToMatch,
    });
    console.log(`Reindex of ${listings} demo listings: ${reindex.ms} ms (${reindex.indexed} published)`);
    console.log(`Results written to ${writeResults('demo', results)}`);
  } finally {
    await bench.close();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
