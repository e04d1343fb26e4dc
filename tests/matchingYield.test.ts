import request from 'supertest';
import { rowsFor } from '../scripts/bench/rows';
import { listingQueue } from '../server/src/modules/listings/queue.store';
import * as candidates from '../server/src/modules/matching/candidates';
import * as pass from '../server/src/modules/matching/pass';
import { CHUNK, MatchWorker } from '../server/src/modules/matching/worker';
import { startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildOrg } from './helpers/factories';

/**
 * The matcher's drain works through a bulk import's backlog a chunk at a
 * time, and gives way as soon as another bulk import is being written and
 * indexed (its uploader waits for the answer): it resumes once the index has
 * caught up. A user's own write waiting for a group of the drain does not
 * wait for the group's writes: the passes not yet writing give way.
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

it("gives way to a user's write: the group's passes stop before writing, and are matched again after it", async () => {
  await t.workers.matcher.stop();
  const owner = await buildOrg(t, { type: 'enterprise', verified: true });
  const res = await request(t.app.server)
    .post('/api/import/demand?dryRun=false')
    .set(owner.auth)
    .attach('file', Buffer.from(rowsFor('demand', 100, 40)), 'demands.csv');
  expect(res.status).toBe(200);
  expect(await waiting()).toBe(40);

  const institute = await buildOrg(t, { type: 'research_institute', verified: true });
  const worker = new MatchWorker(t.ctx, { onIndexed: () => undefined, backlog: false });
  // Passes in the order they end: which listing, and whether it was complete.
  const ended: { id: string; complete: boolean }[] = [];
  const realPass = pass.matchListing;
  jest.spyOn(pass, 'matchListing').mockImplementation(async (...args: Parameters<typeof realPass>) => {
    const result = await realPass(...args);
    ended.push({ id: String(args[2]._id), complete: result.complete });
    return result;
  });
  // While the drain's first group looks for candidates, a user publishes an offer (the lane takes it at once).
  let urgent: Promise<string> | undefined;
  const realFind = candidates.findCandidates;
  jest.spyOn(candidates, 'findCandidates').mockImplementation(async (...args: Parameters<typeof realFind>) => {
    if (args[1] === 'demand') {
      urgent ??= buildListing(t, institute, 'offer').then((offer) => {
        worker.prioritize('offer', offer.id);
        return offer.id;
      });
      await urgent;
    }
    return realFind(...args);
  });
  try {
    await worker.drain();
    const offerId = await urgent!;
    const offerPass = ended.findIndex((e) => e.id === offerId);
    expect(offerPass).toBeGreaterThan(0);
    // Every pass that ended before the user's gave way; none of the drain's had written anything complete.
    const before = ended.slice(0, offerPass);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((e) => !e.complete)).toBe(true);
    // The passes that gave way stayed queued and were matched afterwards: nothing is left.
    for (const { id } of before) expect(ended.slice(offerPass + 1).some((e) => e.id === id && e.complete)).toBe(true);
    // The offer, matched before it was indexed, is matched again once it is.
    await t.workers.searchSync.settled();
    await worker.drain();
    expect(await waiting()).toBe(0);
  } finally {
    jest.restoreAllMocks();
    await worker.stop();
  }
}, 120_000);
