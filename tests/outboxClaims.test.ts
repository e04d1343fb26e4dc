import request from 'supertest';
import { rowsFor } from '../scripts/bench/rows';
import { startTestApp, type TestApp } from './helpers/app';
import { scans, spy } from './helpers/dbSpy';
import { buildOrg, type Member } from './helpers/factories';

/**
 * The event loop claims the events its instance stored by `_id` (FerretDB
 * answers only that from an index): a backlog of background events is
 * delivered without reading the whole outbox once per event.
 */
let t: TestApp;
let institute: Member;
let enterprise: Member;

beforeAll(async () => {
  t = await startTestApp();
  institute = await buildOrg(t, { type: 'research_institute', verified: true });
  enterprise = await buildOrg(t, { type: 'enterprise', verified: true });
});
afterAll(() => t.close());

describe('the event loop', () => {
  it('claims the background events of its instance by _id, each once', async () => {
    await t.workers.matcher.stop();
    for (const [owner, type] of [
      [institute, 'offer'],
      [enterprise, 'demand'],
    ] as const) {
      const res = await request(t.app.server)
        .post(`/api/import/${type}?dryRun=false`)
        .set(owner.auth)
        .attach('file', Buffer.from(rowsFor(type, 0, 30)), `${type}s.csv`);
      expect(res.status).toBe(200);
    }
    await t.workers.outbox.settled();
    // The drain matches the imported listings: its announcements are background events, for the loop.
    const ops = await spy(t, async () => {
      t.workers.matcher.start();
      await t.settle();
    });
    const claims = ops.filter((op) => op.collection === 'outbox' && op.method === 'findOneAndUpdate');
    const byId = claims.filter((op) => !scans(op));
    const announced = ops.filter((op) => op.collection === 'outbox' && op.method === 'insertMany').length;
    expect(announced).toBeGreaterThan(3);
    // Each event stored by the drain claimed by its _id; the outbox read whole only when none was waiting.
    expect(byId.length).toBeGreaterThanOrEqual(announced);
    expect(claims.length - byId.length).toBeLessThan(byId.length);
    expect(await t.ctx.db.connection.collection('outbox').countDocuments()).toBe(0);
  });
});
