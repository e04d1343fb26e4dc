import { Types } from 'mongoose';
import { matchStore } from '../server/src/modules/matching/store';
import { startTestApp, type TestApp } from './helpers/app';

/**
 * The announcement of new matches reads them through findEachRecent: a match
 * this instance created moments ago is served as written, any write through
 * the store shows at once, and another instance's write once the creation is
 * older than the caller accepts.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t.close());

const pair = () => ({
  offerId: new Types.ObjectId(),
  demandId: new Types.ObjectId(),
  offerOrgId: new Types.ObjectId(),
  demandOrgId: new Types.ObjectId(),
});

it("serves a match it created as written, shows this instance's writes at once and another's once old", async () => {
  const store = matchStore(t.ctx.db);
  const sides = pair();
  const [id] = await store.insertPairs([{ sides, fields: { score: 80, reasons: [], active: true } }], sides.offerId);
  expect((await store.findEachRecent([id]))[0]).toMatchObject({ score: 80, active: true, offerState: 'new' });

  // Another instance deactivates it (straight into the collection): the creation is still served…
  await t.ctx.db.connection
    .collection('matches')
    .updateOne({ _id: new Types.ObjectId(id) }, { $set: { active: false } });
  expect((await store.findEachRecent([id]))[0]?.active).toBe(true);
  // …until it is older than the caller accepts.
  await new Promise((r) => setTimeout(r, 30));
  expect((await store.findEachRecent([id], 10))[0]?.active).toBe(false);

  // Writes through this instance's store show at once: a rescoring, a side's state.
  const [other] = await store.insertPairs([{ sides: pair(), fields: { score: 75, reasons: [], active: true } }], null);
  await store.update(other, { score: 40, active: false });
  expect((await store.findEachRecent([other]))[0]).toMatchObject({ score: 40, active: false });
  const [third] = await store.insertPairs([{ sides: pair(), fields: { score: 90, reasons: [], active: true } }], null);
  await store.setState(third, 'offerState', ['new'], 'seen');
  expect((await store.findEachRecent([third]))[0]?.offerState).toBe('seen');

  // Unknown ids are simply absent; known ones come once each.
  const found = await store.findEachRecent([third, third, new Types.ObjectId().toString()]);
  expect(found.map((m) => String(m._id))).toEqual([third]);
});
