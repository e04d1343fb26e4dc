import type { Model } from 'mongoose';
import request from 'supertest';
import { DEMO_PASSWORD } from '../server/src/demo/seed';
import { worldDeals, worldEvents, worldOrganizations } from '../server/src/demo/world';
import { seedDemoWorld } from '../server/src/demo/world/seed';
import { startTestApp, type TestApp } from './helpers/app';

/**
 * The demo world seeding interrupted midway (as a killed `npm start` leaves
 * it) is finished by the next run: the same records as a clean seed (the
 * numbers tests/demoWorld.test.ts checks on one), none written twice.
 */
let t: TestApp;
jest.setTimeout(900_000);

beforeAll(async () => {
  t = await startTestApp();
}, 120_000);

afterAll(async () => {
  await t?.close();
}, 300_000);

const model = (name: string) => t.ctx.db.connection.model(name) as unknown as Model<Record<string, unknown>>;
const meta = () => t.ctx.db.connection.collection<{ _id: string; [field: string]: unknown }>('meta');

it('a run stopped in the middle of the deals is finished by the next one, with nothing twice', async () => {
  const now = new Date();
  const stop = new AbortController();
  let dealSteps = 0;
  // Stopped between two steps of a deal (its 25th step overall): organisations and listings are in, deals partly.
  const first = seedDemoWorld(t.ctx, now, {
    signal: stop.signal,
    onStep: (step) => {
      if (step === 'deal-step' && ++dealSteps === 25) stop.abort();
    },
  });
  await expect(first).rejects.toMatchObject({ name: 'AbortError' });
  const marker = await meta().findOne({ _id: 'demo-world' });
  expect(marker?.finishedAt).toBeNull();
  const progress = (marker?.progress as { deals: Record<string, number> } | undefined)?.deals ?? {};
  const partial = Object.entries(progress).filter(([, steps]) => steps > 0);
  expect(partial).toHaveLength(1);
  expect(Object.values(progress).filter((steps) => steps === -1).length).toBeGreaterThan(0);
  const dealsBefore = await model('Deal').countDocuments({});

  // What a kill leaves that a clean stop does not: the partial deal's last step done but not recorded,
  // listings not yet written, a member's address claimed without the account, a claim still held.
  const [dealKey, steps] = partial[0];
  await meta().updateOne(
    { _id: 'demo-world' },
    { $set: { [`progress.deals.${dealKey}`]: steps - 1, leaseUntil: new Date(Date.now() - 1000) } },
  );
  const dropped = await model('Offer').find({}, { _id: 1 }).sort({ createdAt: -1 }).limit(5).lean();
  await model('Offer').deleteMany({ _id: { $in: dropped.map((d) => d._id) } });
  const member = worldOrganizations.find((o) => o.members.length > 1)?.members[1];
  await model('User').deleteOne({ email: member?.email });

  // The next start finishes the world.
  const counts = await seedDemoWorld(t.ctx, new Date(now.getTime() + 120_000));
  expect(counts).toMatchObject({ organizations: 71, offers: 166, demands: 97, deals: 34, events: 3 });
  expect(counts?.bookmarks).toBeGreaterThanOrEqual(20);
  const done = await meta().findOne({ _id: 'demo-world' });
  expect(done?.finishedAt).toBeInstanceOf(Date);
  // Dated from the first run's day, not the resumed one's.
  expect((done?.startedAt as Date | undefined)?.getTime()).toBe(now.getTime());

  // The same records as a clean seed, none twice.
  const members = worldOrganizations.reduce((n, o) => n + o.members.length, 0);
  expect(await model('Organization').countDocuments({})).toBe(worldOrganizations.length);
  expect(await model('User').countDocuments({})).toBe(1 + members);
  expect(await model('Offer').countDocuments({})).toBe(166);
  expect(await model('Demand').countDocuments({})).toBe(97);
  for (const id of dropped.map((d) => d._id)) expect(await model('Offer').exists({ _id: id })).toBeTruthy();
  expect(await model('Verification').countDocuments({})).toBe(
    worldOrganizations.filter((o) => o.verificationRequest).length,
  );
  expect(dealsBefore).toBeLessThan(34);
  expect(await model('Deal').countDocuments({})).toBe(34);
  expect(await model('Message').countDocuments({})).toBe(worldDeals.reduce((n, d) => n + d.messages.length, 0));
  expect(await model('Event').countDocuments({})).toBe(worldEvents.length);
  expect(await model('EventMeeting').countDocuments({})).toBe(worldEvents.reduce((n, e) => n + e.meetings.length, 0));
  // Every deal where its story ends, none left halfway through a closing.
  const deals = await model('Deal').find({}, { stage: 1, pending: 1 }).lean();
  const stages = (rows: unknown[]) => rows.map((r) => String((r as { stage: string }).stage)).sort();
  expect(stages(deals)).toEqual(stages(worldDeals.map((w) => ({ stage: w.history.at(-1)?.stage }))));
  for (const d of deals) expect(d.pending ?? null).toBeNull();
  // The member whose account was lost signs in again.
  const login = await request(t.app.server)
    .post('/api/auth/login')
    .send({ email: member?.email, password: DEMO_PASSWORD });
  expect(login.status).toBe(200);

  // And the world is complete: a third run does nothing.
  expect(await seedDemoWorld(t.ctx)).toBeNull();
});
