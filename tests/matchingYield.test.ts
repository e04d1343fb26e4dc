import request from 'supertest';
import { rowsFor } from '../scripts/bench/rows';
import { listingQueue } from '../server/src/modules/listings/queue.store';
import { CHUNK, MatchWorker } from '../server/src/modules/matching/worker';
import { startTestApp, type TestApp } from './helpers/app';
import { buildOrg } from './helpers/factories';

/**
 * The matcher's drain works through a bulk import's backlog a chunk at a
 * time, and gives way as soon as another bulk import is being written and
 * indexed (its uploader waits for the answer): it resumes once the index has
 * caught up.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t.close());

const waiting = async () => (await listingQueue(t.ctx.db).queued('matchDirty', 1000)).length;

it('stops between chunks while a bulk import is indexed, and resumes after it', async () => {
  await t.workers.matcher.stop();
  const owner = await buildOrg(t, { type: 'enterprise', verified: true });
  const res = await request(t.app.server)
    .post('/api/import/demand?dryRun=false')
    .set(owner.auth)
    .attach('file', Buffer.from(rowsFor('demand', 0, 60)), 'demands.csv');
  expect(res.status).toBe(200);
  expect(await waiting()).toBe(60);

  // The index as the matcher sees it: an import starts once the first chunk is under way.
  let reads = 0;
  let importing = true;
  const index = {
    onIndexed: () => undefined,
    get backlog() {
      reads += 1;
      // The pass's first look, then the look before its first chunk: no import yet.
      return reads > 2 && importing;
    },
  };
  const worker = new MatchWorker(t.ctx, index);
  const drained = worker.drain();
  // The first chunk is matched, then the drain waits for the import.
  expect(CHUNK).toBeLessThan(60);
  const deadline = Date.now() + 30_000;
  while ((await waiting()) === 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1500));
  expect(await waiting()).toBe(60 - CHUNK);
  expect(reads).toBeGreaterThan(3);

  importing = false;
  await drained;
  expect(await waiting()).toBe(0);
  await worker.stop();
}, 120_000);
