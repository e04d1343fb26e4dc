import { Types } from 'mongoose';
import { notificationStore } from '../server/src/modules/notifications/store';
import { startTestApp, type TestApp } from './helpers/app';

/**
 * A user's inbox: each notification is added and counted in one write,
 * concurrent deliveries lose none, and the inbox lists the newest 200 with a
 * true unread count however many came.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t.close());

const deliver = (userId: string, key: string) =>
  notificationStore(t.ctx.db).deliver(userId, key, { type: 'match.new', data: { key } });

it('counts every delivery once, concurrent ones included, and a retried key not again', async () => {
  const userId = new Types.ObjectId().toString();
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => deliver(userId, `a:${i}`)));
  expect(results.map((r) => r?.unread).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
    Array.from({ length: 12 }, (_, i) => i + 1),
  );
  // The same key again (an event retried): stored before, so neither listed nor counted twice.
  expect(await deliver(userId, 'a:3')).toBeNull();
  const inbox = await notificationStore(t.ctx.db).inbox(userId);
  expect(inbox.items).toHaveLength(12);
  expect(inbox.unread).toBe(12);
});

it('lists the newest 200 once more came, with the unread count of those it holds', async () => {
  const userId = new Types.ObjectId().toString();
  const store = notificationStore(t.ctx.db);
  for (let i = 0; i < 260; i++) await deliver(userId, `b:${i}`);
  const stored = await t.ctx.db.connection
    .collection<{ _id: string; ids: string[] }>('inboxes')
    .findOne({ _id: userId });
  // Trimmed to the newest 200 once past 250, then grown again.
  expect(stored?.ids.length).toBe(209);
  const inbox = await store.inbox(userId);
  expect(inbox.items).toHaveLength(200);
  expect(inbox.items[0].data).toEqual({ key: 'b:259' });
  expect(inbox.unread).toBe(209);
  await store.markRead(userId, String(inbox.items[0]._id));
  expect((await store.inbox(userId)).unread).toBe(208);
});
