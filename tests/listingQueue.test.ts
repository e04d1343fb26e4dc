import { Types } from 'mongoose';
import request from 'supertest';
import { sweepQueues } from '../server/src/modules/listings/commands/sweepQueues';
import { listingQueue } from '../server/src/modules/listings/queue.store';
import { searchDocId } from '../server/src/modules/search/listingsIndex';
import { startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildOrg, type Member } from './helpers/factories';

/**
 * The work queues of the search sync and the matcher: a write queues its
 * listing, the workers read the queues and the listings by `_id` (never the
 * listings collections by their flags, which FerretDB answers by reading
 * every listing), and a listing a crash left flagged but unqueued is found
 * by the sweep.
 */
let t: TestApp;
let owner: Member;

beforeAll(async () => {
  t = await startTestApp();
  owner = await buildOrg(t, { type: 'research_institute', verified: true });
});
afterAll(() => t.close());

async function settle() {
  await t.workers.searchSync.settled();
  await t.workers.matcher.settled();
}

const entryIds = async (model: 'SearchQueue' | 'MatchQueue') =>
  (await t.models[model].find({}).lean()).map((e: { _id: string }) => e._id);

describe('listing work queues', () => {
  it('a write queues its listing for both workers, which empty the queues', async () => {
    await settle();
    await t.workers.searchSync.stop();
    await t.workers.matcher.stop();
    let id = '';
    try {
      id = (await buildListing(t, owner, 'offer', { title: 'Máy bóc vỏ hạt điều hàng đợi' })).id;
      expect(await entryIds('SearchQueue')).toContain(`offer:${id}`);
      expect(await entryIds('MatchQueue')).toContain(`offer:${id}`);
    } finally {
      t.workers.searchSync.start();
      t.workers.matcher.start();
    }
    await settle();
    expect(await entryIds('SearchQueue')).toEqual([]);
    expect(await entryIds('MatchQueue')).toEqual([]);
    const stored = await t.models.Offer.findById(id).lean();
    expect(stored).toMatchObject({ searchDirty: false, matchDirty: false });
    const index = t.ctx.search.client.index(t.workers.searchSync.indexUid);
    await expect(index.getDocument(searchDocId('offer', id))).resolves.toMatchObject({ listingId: id });
  });

  it('the workers never query the listings by their flags, and writes find a listing by its bare _id', async () => {
    await settle();
    const { Offer, Demand } = t.models;
    const finds = [jest.spyOn(Offer, 'find'), jest.spyOn(Demand, 'find')];
    const writes = jest.spyOn(Offer, 'findOneAndUpdate');
    try {
      const offer = await buildListing(t, owner, 'offer', { title: 'Lò sấy vải thiều hàng đợi' });
      await request(t.app.server)
        .patch(`/api/offers/${offer.id}`)
        .set(owner.auth)
        .send({ summary: 'Lò sấy vải thiều tiết kiệm củi, sấy đều.' })
        .expect(200);
      await settle();
      const byFlag = finds
        .flatMap((f) => f.mock.calls)
        .filter((call: unknown[]) => {
          const keys = Object.keys(((call as unknown[])[0] ?? {}) as object);
          return keys.includes('searchDirty') || keys.includes('matchDirty');
        });
      expect(byFlag).toEqual([]);
      // The writes themselves (create, publish, edit) find their listing by a bare _id.
      const filters = writes.mock.calls.map((call) => Object.keys(((call as unknown[])[0] ?? {}) as object));
      expect(filters.length).toBeGreaterThan(0);
      for (const keys of filters) expect(keys).toEqual(['_id']);
    } finally {
      writes.mockRestore();
      for (const f of finds) f.mockRestore();
    }
  });

  it('a write during a sync pass that already read the queue is indexed by the next pass, not the slow loop', async () => {
    await settle();
    const queue = listingQueue(t.ctx.db);
    const real = queue.queued;
    let firstRead: () => void = () => undefined;
    const read = new Promise<void>((r) => {
      firstRead = r;
    });
    const slow = jest.spyOn(queue, 'queued').mockImplementationOnce(async (...args: Parameters<typeof real>) => {
      const entries = await real(...args);
      firstRead();
      // The pass goes on with what it read while the write below lands.
      await new Promise((r) => setTimeout(r, 500));
      return entries;
    });
    try {
      const pass = t.workers.searchSync.drain();
      await read;
      const listing = await buildListing(t, owner, 'offer', { title: 'Máy tách hạt sen giữa lượt' });
      await pass;
      const started = Date.now();
      for (;;) {
        const stored = await t.models.Offer.findById(listing.id).lean();
        if (stored?.searchDirty === false) break;
        // The loop's pass comes every 10 s: far later than this.
        if (Date.now() - started > 3000) throw new Error('not indexed within 3 s of the pass that missed it');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      slow.mockRestore();
    }
  });

  it('keeps an entry queued again since it was read', async () => {
    const queue = listingQueue(t.ctx.db);
    const id = new Types.ObjectId().toString();
    const key = `demand:${id}`;
    await t.workers.searchSync.stop();
    try {
      await queue.enqueue(['searchDirty'], 'demand', [id]);
      const entryOf = async () => (await queue.queued('searchDirty', 1000)).find((e) => e._id === key)!;
      const read = await entryOf();
      // A write of the listing after the worker read its entry queues it again.
      await queue.enqueue(['searchDirty'], 'demand', [id]);
      const requeued = await entryOf();
      expect(requeued.token).not.toBe(read.token);
      await queue.dequeue('searchDirty', [read]);
      // Still queued, as queued last (removed by `_id` and put back: its token had changed).
      expect(await entryOf()).toEqual(requeued);
      // Read again, not queued since: removed.
      await queue.dequeue('searchDirty', [await entryOf()]);
      expect(await entryIds('SearchQueue')).not.toContain(key);
    } finally {
      t.workers.searchSync.start();
    }
  });

  it('queues created listings by inserting their entries; a retry of the same call queues each once', async () => {
    const queue = listingQueue(t.ctx.db);
    const ids = [new Types.ObjectId(), new Types.ObjectId()].map(String);
    await t.workers.searchSync.stop();
    try {
      await queue.enqueueCreated(['searchDirty'], 'offer', ids);
      const entries = async () => (await queue.queued('searchDirty', 1000)).filter((e) => ids.includes(e.listingId));
      const first = await entries();
      expect(first.map((e) => e._id).sort()).toEqual(ids.map((id) => `offer:${id}`).sort());
      expect(first.every((e) => e.type === 'offer' && e.token)).toBe(true);
      // Written by an earlier try already (one of them): the call still succeeds, with one entry per listing.
      await queue.enqueueCreated(['searchDirty'], 'offer', [...ids, ids[0]]);
      expect((await entries()).map((e) => e._id).sort()).toEqual(first.map((e) => e._id).sort());
      await queue.dequeue('searchDirty', await entries());
      expect(await entries()).toEqual([]);
    } finally {
      t.workers.searchSync.start();
    }
  });

  it('the sweep queues a listing left flagged without an entry (a crash between the write and its enqueue)', async () => {
    const listing = await buildListing(t, owner, 'offer', { title: 'Thiết bị khử mặn hàng đợi' });
    await settle();
    const { models } = t;
    // As if a process wrote the listing and died before queueing it.
    await models.Offer.updateOne(
      { _id: listing.id },
      { $set: { title: 'Thiết bị khử mặn sau sự cố', searchDirty: true }, $inc: { rev: 1 } },
    );
    t.workers.searchSync.notify();
    await t.workers.searchSync.drain();
    expect((await models.Offer.findById(listing.id).lean())?.searchDirty).toBe(true);

    expect(await sweepQueues(t.ctx.db)).toBe(1);
    await settle();
    expect((await models.Offer.findById(listing.id).lean())?.searchDirty).toBe(false);
    const index = t.ctx.search.client.index(t.workers.searchSync.indexUid);
    await expect(index.getDocument(searchDocId('offer', listing.id))).resolves.toMatchObject({
      title: 'Thiết bị khử mặn sau sự cố',
    });
    // Nothing left to find.
    expect(await sweepQueues(t.ctx.db)).toBe(0);
  });
});
