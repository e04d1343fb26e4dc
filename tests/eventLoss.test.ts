import crypto from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildOrg, type Member } from './helpers/factories';
import { repoRoot, spawnTs } from './helpers/processes';

/**
 * Events cannot be lost: a write carries its event in the same
 * single-document update (FerretDB has no transactions), so a process killed
 * between the write and the event's delivery leaves the event in the
 * document, and the next instance to start delivers it.
 */
jest.setTimeout(120_000);

const db = `t_crash_${crypto.randomBytes(4).toString('hex')}`;
let t: TestApp;
let institute: Member;
let follower: Member;
let enterprise: Member;

beforeAll(async () => {
  t = await startTestApp({ mongodbDb: db, meiliIndexPrefix: `${db}_` });
  institute = await buildOrg(t, { type: 'research_institute', verified: true });
  follower = await buildOrg(t, { type: 'enterprise', verified: true });
  enterprise = await buildOrg(t, { type: 'enterprise', verified: true });
  await request(t.app.server).post('/api/follows').set(follower.auth).send({ sector: 'aquaculture' }).expect(201);
});
afterAll(() => t.close());

/** Runs the write in a process that is killed (SIGKILL) between the write and the event's delivery. */
async function crashAfter(action: Record<string, unknown>): Promise<void> {
  const child = spawnTs(path.join(repoRoot, 'tests/fixtures/crash-before-relay.ts'), [], {
    CRASH_DB: db,
    CRASH_ACTION: JSON.stringify(action),
  });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  expect({ signal: exit.signal, output: child.output().trim() }).toEqual({ signal: 'SIGKILL', output: 'written' });
}

const notified = async (m: Member, type: string) => t.models.Notification.find({ userId: m.user.id, type }).lean();

describe('an event whose process died between the write and its delivery', () => {
  it('is delivered by the next instance: a first publication alerts the sector’s followers', async () => {
    const draft = await buildListing(
      t,
      institute,
      'offer',
      { title: 'Chế phẩm sinh học ao nuôi sau sự cố' },
      { publish: false },
    );
    await crashAfter({ kind: 'publish', type: 'offer', listingId: draft.id });

    // Written, and the event is with the listing: nobody heard of it yet.
    const stored = await t.models.Offer.findById(draft.id).lean();
    expect(stored?.status).toBe('published');
    expect(stored?.pendingEvents).toHaveLength(1);
    await t.workers.outbox.settled();
    expect(await notified(follower, 'sector.new_listing')).toHaveLength(0);

    // Another instance starts on the same database: its sweep moves the event out and delivers it.
    const restarted = await startTestApp({ mongodbDb: db, meiliIndexPrefix: `${db}_` }, undefined, { keepData: true });
    try {
      await restarted.workers.outbox.settled();
      const alerts = await notified(follower, 'sector.new_listing');
      expect(alerts.map((n) => n.data.listingId)).toEqual([draft.id]);
      expect((await t.models.Offer.findById(draft.id).lean())?.pendingEvents ?? []).toHaveLength(0);
    } finally {
      await restarted.close();
    }
  });

  it('is delivered by the next instance: an opened deal reaches the listing’s owners, once', async () => {
    const offer = await buildListing(t, institute, 'offer', { title: 'Máy sục khí ao tôm sau sự cố' });
    const user = {
      id: enterprise.user.id,
      email: enterprise.email,
      name: enterprise.user.name,
      role: 'user',
      organizationId: enterprise.organization.id,
      orgRole: 'owner',
    };
    await crashAfter({ kind: 'openDeal', user, offerId: offer.id });
    const [deal] = await t.models.Deal.find({ offerId: offer.id }).lean();
    expect(deal.pendingEvents).toHaveLength(1);
    expect(await notified(institute, 'deal.opened')).toHaveLength(0);

    const restarted = await startTestApp({ mongodbDb: db, meiliIndexPrefix: `${db}_` }, undefined, { keepData: true });
    try {
      await restarted.workers.outbox.settled();
      const opened = await notified(institute, 'deal.opened');
      expect(opened.map((n) => n.data.dealId)).toEqual([String(deal._id)]);
      // The same event delivered again (another sweep, a retry) notifies nobody twice.
      const again = await startTestApp({ mongodbDb: db, meiliIndexPrefix: `${db}_` }, undefined, { keepData: true });
      await again.workers.outbox.settled();
      await again.close();
      expect(await notified(institute, 'deal.opened')).toHaveLength(1);
    } finally {
      await restarted.close();
    }
  });
});
