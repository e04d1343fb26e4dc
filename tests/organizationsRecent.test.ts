import { organizationStore } from '../server/src/modules/organizations/store';
import { startTestApp, type TestApp } from './helpers/app';
import { buildOrg } from './helpers/factories';

/**
 * Background passes (matching, its announcements) read organisations through
 * findEachRecent: one read within a few seconds serves them all, writes
 * through the store show at once, and another instance's writes within the
 * age asked for.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t.close());

const nameOf = async (id: string, maxAgeMs?: number) =>
  (await organizationStore(t.ctx.db).findEachRecent([id], maxAgeMs))[0]?.name;

it("serves a recent read again, shows this instance's writes at once and another's once the read is old", async () => {
  const { organization } = await buildOrg(t, { type: 'enterprise', verified: true });
  const id = organization.id;
  const store = organizationStore(t.ctx.db);
  const first = organization.name;
  expect(await nameOf(id)).toBe(first);

  // Another instance renames it (straight into the collection): the recent read still serves…
  await t.models.Organization.updateOne({ _id: id }, { $set: { name: 'Đổi ở nơi khác' } });
  expect(await nameOf(id)).toBe(first);
  // …until it is older than the caller accepts.
  await new Promise((r) => setTimeout(r, 30));
  expect(await nameOf(id, 10)).toBe('Đổi ở nơi khác');

  // A suspension through this instance's store shows at once.
  await store.setStatus(id, 'suspended', []);
  expect((await store.findEachRecent([id]))[0]?.status).toBe('suspended');
  await store.setStatus(id, 'active', []);
  expect((await store.findEachRecent([id]))[0]?.status).toBe('active');

  // A read overlapping a write is not kept: whatever the order, the write shows afterwards.
  const [, updated] = await Promise.all([store.findEachRecent([id]), store.updateProfile(id, { name: 'Tên mới' })]);
  expect(updated?.name).toBe('Tên mới');
  expect(await nameOf(id)).toBe('Tên mới');
});
