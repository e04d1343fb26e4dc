import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { rowsFor } from '../scripts/bench/rows';
import { importListings } from '../server/src/modules/imports/importListings';
import { listingQueue } from '../server/src/modules/listings/queue.store';
import { CHUNK, MatchWorker, TOGETHER } from '../server/src/modules/matching/worker';
import { startTestApp, type TestApp } from './helpers/app';
import { buildOrg } from './helpers/factories';

/**
 * The matcher's drain works through a bulk import's backlog a few listings
 * at a time, and gives way as soon as another bulk import is being written
 * and indexed (its uploader waits for the answer): it resumes once the
 * import has answered.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t.close());

const waiting = async () => (await listingQueue(t.ctx.db).queued('matchDirty', 1000)).length;

it('stops after the listings under way while a bulk import is written and indexed, and resumes after it', async () => {
  await t.workers.matcher.stop();
  const owner = await buildOrg(t, { type: 'enterprise', verified: true });
  const res = await request(t.app.server)
    .post('/api/import/demand?dryRun=false')
    .set(owner.auth)
    .attach('file', Buffer.from(rowsFor('demand', 0, 60)), 'demands.csv');
  expect(res.status).toBe(200);
  expect(await waiting()).toBe(60);

  // The index as the matcher sees it: an import starts once the first listings of the first chunk are under way.
  let reads = 0;
  let importing = true;
  const index = {
    onIndexed: () => undefined,
    get backlog() {
      reads += 1;
      // The pass's first look, the look before its first chunk and before its first listings: no import yet.
      return reads > 3 && importing;
    },
  };
  const worker = new MatchWorker(t.ctx, index);
  const drained = worker.drain();
  // The listings under way are matched (and cleared), the rest of the chunk waits for the import.
  expect(TOGETHER).toBeLessThan(CHUNK);
  expect(CHUNK).toBeLessThan(60);
  const deadline = Date.now() + 30_000;
  while ((await waiting()) === 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1500));
  expect(await waiting()).toBe(60 - TOGETHER);
  expect(reads).toBeGreaterThan(4);

  importing = false;
  await drained;
  expect(await waiting()).toBe(0);
  await worker.stop();
}, 120_000);

it('an import shows as the backlog from its first write until its last row is searchable, and not after', async () => {
  const owner = await buildOrg(t, { type: 'research_institute', verified: true });
  const principal = {
    ...owner.user,
    role: 'user' as const,
    organizationId: owner.organization.id,
    orgRole: 'owner' as const,
  };
  const seen: string[] = [];
  const report = await importListings(t.ctx, principal, 'offer', parse(rowsFor('offer', 0, 30), { columns: true }), {
    dryRun: false,
    lang: 'vi',
    onProgress: (_done, _total, phase) => seen.push(`${phase}:${t.ctx.indexer.backlog}`),
  });
  expect(report.created).toBe(30);
  // Validation comes first (nothing written yet); the matcher gives way through the writes and the indexing.
  expect(seen.filter((s) => s.startsWith('validating'))).toContain('validating:false');
  expect(seen.filter((s) => !s.startsWith('validating'))).toEqual(['writing:true', 'indexing:true']);
  expect(t.ctx.indexer.backlog).toBe(false);
}, 60_000);
