import type { ListingType } from '@techbridge/shared';
import request from 'supertest';
import { rowsFor } from '../scripts/bench/rows';
import type { AnyListing } from '../server/src/modules/listings/model';
import { listingStore } from '../server/src/modules/listings/store';
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
});
