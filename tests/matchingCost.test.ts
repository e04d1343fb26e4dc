import type { ListingType } from '@techbridge/shared';
import request from 'supertest';
import { rowsFor } from '../scripts/bench/rows';
import type { AnyListing } from '../server/src/modules/listings/model';
import { listingQueue } from '../server/src/modules/listings/queue.store';
import { listingStore } from '../server/src/modules/listings/store';
import { matchStore } from '../server/src/modules/matching/store';
import { startTestApp, type TestApp } from './helpers/app';
import { requestScans, spy, summary } from './helpers/dbSpy';
import { buildListing, buildOrg, type Member } from './helpers/factories';

/**
 * What one listing's matching pass costs in database operations, against a
 * few hundred generated listings much alike (the bench's rows): bounded by a
 * constant, whatever the number of candidates, and never a scan.
 */
let t: TestApp;
let institute: Member;
let enterprise: Member;

async function load(owner: Member, type: ListingType, from: number, count: number) {
  const res = await request(t.app.server)
    .post(`/api/import/${type}?dryRun=false`)
    .set(owner.auth)
    .attach('file', Buffer.from(rowsFor(type, from, count)), `${type}s.csv`);
  expect(res.status).toBe(200);
  expect(res.body.data.invalid).toBe(0);
}

beforeAll(async () => {
  t = await startTestApp();
  institute = await buildOrg(t, { type: 'research_institute', verified: true });
  enterprise = await buildOrg(t, { type: 'enterprise', verified: true });
  await load(institute, 'offer', 0, 240);
  await load(enterprise, 'demand', 0, 80);
  await t.settle();
}, 600_000);
afterAll(() => t.close());

async function passOf(type: ListingType, id: string) {
  const listing = (await listingStore(t.ctx.db).findById(type, id)) as AnyListing;
  return spy(t, () => t.workers.matcher.processAlone(type, listing));
}

describe('the cost of a matching pass', () => {
  it.each([['demand'], ['offer']] as const)(
    'a newly published %s is matched in a bounded number of _id operations',
    async (type) => {
      const owner = type === 'offer' ? institute : enterprise;
      const { ...overrides } = type === 'offer' ? {} : { trlMin: 3 };
      let id = '';
      // Published, indexed and matched: everything it sets off.
      const first = await spy(t, async () => {
        id = (await buildListing(t, owner, type, overrides)).id;
        await t.settle();
      });
      // Again, with its matches now stored (a re-match after an edit reads and rewrites them).
      const again = await passOf(type, id);
      console.log(
        `${type} pass: ${first.length} operations ${JSON.stringify(summary(first))}; again: ${again.length} ${JSON.stringify(summary(again))}`,
      );
      expect(requestScans(first)).toEqual([]);
      expect(requestScans(again)).toEqual([]);
      expect(first.length).toBeLessThanOrEqual(200);
      expect(again.length).toBeLessThanOrEqual(40);
    },
  );

  it("an imported listing is scored from its candidates' search documents: no counterpart and no stored pair is read", async () => {
    await t.workers.matcher.stop();
    try {
      // Imported while the matcher is stopped: searchable once the import answers, waiting for its pass.
      await load(enterprise, 'demand', 500, 3);
      const [entry] = await listingQueue(t.ctx.db).queued('matchDirty', 10);
      expect(entry).toBeDefined();
      const ops = await passOf('demand', entry.listingId);
      const keyIds = await matchStore(t.ctx.db).idsOfListing('demand', entry.listingId);
      console.log(`imported demand's pass: ${ops.length} operations ${JSON.stringify(summary(ops))}`);
      // It did find matches among the generated offers...
      expect(keyIds.length).toBeGreaterThan(0);
      // ...without reading one of them, or one stored pair.
      const reads = ops.filter((op) => op.method.startsWith('find'));
      expect(reads.filter((op) => op.collection === 'offers' || op.collection === 'matches')).toEqual([]);
      expect(requestScans(ops)).toEqual([]);
      expect(ops.length).toBeLessThanOrEqual(20);
    } finally {
      t.workers.matcher.start();
      await t.settle();
    }
  });

  it('a pass asks the search index for all its candidates in one request', async () => {
    const client = t.ctx.search.client;
    const index = client.index(t.ctx.search.indexName('listings'));
    const multi = jest.spyOn(client, 'multiSearch');
    const single = jest.spyOn(Object.getPrototypeOf(index), 'search');
    try {
      const [offer] = await listingStore(t.ctx.db).findEachById(
        'offer',
        await listingStore(t.ctx.db).idsOf(institute.organization.id, 'offer'),
      );
      await passOf('offer', String(offer._id));
      // The term queries and the sector query, together: one round trip whatever the listing names.
      expect(multi).toHaveBeenCalledTimes(1);
      const { queries } = multi.mock.calls[0][0] as { queries: { filter: string[] }[] };
      expect(queries.length).toBeGreaterThan(1);
      // Every query keeps the pass to the other side and away from the listing's own organisation.
      for (const q of queries)
        expect(q.filter).toEqual(
          expect.arrayContaining(['type = "demand"', `orgId != "${institute.organization.id}"`]),
        );
      expect(single).not.toHaveBeenCalled();
    } finally {
      multi.mockRestore();
      single.mockRestore();
    }
  });

  it("the drain records a pass's announcement in the write that clears the listing's flag, and dequeues it in one command", async () => {
    await t.workers.matcher.stop();
    let ids: string[];
    try {
      await load(enterprise, 'demand', 600, 4);
      ids = (await listingQueue(t.ctx.db).queued('matchDirty', 100)).map((e) => e.listingId);
      expect(ids).toHaveLength(4);
    } finally {
      t.workers.matcher.start();
    }
    const ops = await spy(t, () => t.workers.matcher.drain());
    const of = (id: string) => ops.filter((op) => JSON.stringify(op.filter ?? {}).includes(id));
    const stored = await listingStore(t.ctx.db).findEachById('demand', ids);
    for (const id of ids) {
      // The queue entry: removed by `_id` in one command (no read of it first).
      const queueOps = of(`demand:${id}`).filter((op) => op.collection === 'matchqueue');
      expect(queueOps.map((op) => op.method)).toEqual(['findOneAndDelete']);
      // The listing: one write clears its flag, with its announcement when it has one; no other sets `matchedAt`.
      const announcing = of(id)
        .filter((op) => op.collection === 'demands')
        .filter((op) => JSON.stringify(op.update ?? {}).includes('matchedAt'));
      expect(announcing.every((op) => op.method === 'findOneAndUpdate')).toBe(true);
      expect(announcing.length).toBeLessThanOrEqual(1);
    }
    expect(stored.every((l) => !l.matchDirty)).toBe(true);
    const announced = stored.filter((l) => l.matchedAt);
    // Generated rows much alike: strong pairs, announced.
    expect(announced.length).toBeGreaterThan(0);
    await t.settle();
    // Relayed after the write and delivered: the enterprise is notified of each announcing listing's best match.
    const inbox = await request(t.app.server).get('/api/notifications').set(enterprise.auth);
    expect(inbox.status).toBe(200);
    const notified = new Set(
      (inbox.body.data as { type: string; data: { listingId: string } }[])
        .filter((n) => n.type === 'match.new')
        .map((n) => n.data.listingId),
    );
    for (const l of announced) expect(notified).toContain(String(l._id));
    // Nothing left carried on the listings.
    const after = await listingStore(t.ctx.db).findEachById('demand', ids);
    expect(after.every((l) => !l.pendingEvents?.length)).toBe(true);
  });
});
