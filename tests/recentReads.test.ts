import { accountStore } from '../server/src/modules/accounts/store';
import { listingStore } from '../server/src/modules/listings/store';
import { mailStore } from '../server/src/modules/notifications/mail.store';
import { membersOf } from '../server/src/modules/notifications/notify';
import { organizationStore } from '../server/src/modules/organizations/store';
import { startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildOrg, offerInput } from './helpers/factories';

/**
 * What a burst of announcements reads again and again (an organisation's
 * members, those users, their mail preferences) comes from a read of the
 * last few seconds: writes through this instance's stores show at once,
 * another instance's once the read is older than the caller accepts.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t.close());

const aged = () => new Promise((r) => setTimeout(r, 30));

it("an organisation's members and those users: recent reads served, this instance's writes shown at once", async () => {
  const { organization, user } = await buildOrg(t, { type: 'enterprise', verified: true });
  const orgs = organizationStore(t.ctx.db);
  const accounts = accountStore(t.ctx.db);
  expect(await orgs.memberIdsRecent(organization.id)).toEqual([user.id]);
  expect((await membersOf(t.ctx, [organization.id], { recent: true })).map((m) => m.name)).toEqual([user.name]);

  // Another instance adds a member and renames the user (straight into the collections): the recent reads serve…
  const other = accounts.newUserId().toString();
  await t.ctx.db.connection
    .collection<{ _id: string }>('orgmembers')
    .updateOne({ _id: organization.id }, { $push: { ids: other } });
  await t.models.User.updateOne({ _id: user.id }, { $set: { name: 'Đổi ở nơi khác' } });
  expect(await orgs.memberIdsRecent(organization.id)).toEqual([user.id]);
  expect((await accounts.findUsersRecent([user.id]))[0].name).toBe(user.name);
  // …until they are older than the caller accepts; a fresh read never waits.
  expect(await orgs.memberIds(organization.id)).toEqual([user.id, other]);
  await aged();
  expect(await orgs.memberIdsRecent(organization.id, 10)).toEqual([user.id, other]);
  expect((await accounts.findUsersRecent([user.id], 10))[0].name).toBe('Đổi ở nơi khác');

  // Through this instance's stores: at once.
  await orgs.removeMember(organization.id, other);
  expect(await orgs.memberIdsRecent(organization.id)).toEqual([user.id]);
  await accounts.setStatus(user.id, 'suspended', []);
  expect((await accounts.findUsersRecent([user.id]))[0].status).toBe('suspended');
  // A suspended member is notified of nothing, from the very next announcement.
  expect(await membersOf(t.ctx, [organization.id], { recent: true })).toEqual([]);
  await accounts.setStatus(user.id, 'active', []);
  expect((await membersOf(t.ctx, [organization.id], { recent: true })).map((m) => m.id)).toEqual([user.id]);
});

it('mail preferences: defaults remembered too, changes through the store shown at once', async () => {
  const { user } = await buildOrg(t, { type: 'enterprise', verified: true });
  const mail = mailStore(t.ctx.db);
  const defaults = (await mail.preferencesOfEach([user.id])).get(user.id)!;
  const kind = Object.keys(defaults)[0] as keyof typeof defaults;
  const other = defaults[kind] === 'off' ? 'immediate' : 'off';
  await mail.setPreferences(user.id, { [kind]: other });
  expect((await mail.preferencesOfEach([user.id])).get(user.id)?.[kind]).toBe(other);
  // Another instance's change: shown once the read is older than the caller accepts.
  await t.ctx.db.connection
    .collection<{ _id: string }>('mailpreferences')
    .updateOne({ _id: user.id }, { $set: { [kind]: defaults[kind] } });
  expect((await mail.preferencesOfEach([user.id])).get(user.id)?.[kind]).toBe(other);
  await aged();
  expect((await mail.preferencesOfEach([user.id], 10)).get(user.id)?.[kind]).toBe(defaults[kind]);
});

it("what announcements show of listings: recent reads served, this instance's writes shown at once", async () => {
  const owner = await buildOrg(t, { type: 'research_institute', verified: true });
  const listing = await buildListing(t, owner, 'offer', { title: 'Máy sấy đọc gần đây' });
  const store = listingStore(t.ctx.db);
  const titleOf = async (maxAgeMs?: number) => (await store.findEachRecent('offer', [listing.id], maxAgeMs))[0];
  expect((await titleOf())?.title).toBe('Máy sấy đọc gần đây');
  // Another instance renames it (straight into the collection): served from the recent read until it is too old.
  await t.models.Offer.updateOne({ _id: listing.id }, { $set: { title: 'Đổi ở nơi khác' } });
  expect((await titleOf())?.title).toBe('Máy sấy đọc gần đây');
  await aged();
  expect((await titleOf(10))?.title).toBe('Đổi ở nơi khác');
  // Withdrawn through this instance's store: at once.
  await store.write('offer', listing.id, { $set: { status: 'archived' } });
  expect((await titleOf())?.status).toBe('archived');
});

it("listings this instance just stored in bulk: read back from memory, another instance's change once older, this instance's writes at once", async () => {
  const owner = await buildOrg(t, { type: 'research_institute', verified: true });
  const store = listingStore(t.ctx.db);
  const docs = ['Máy ép viên phân bón hữu cơ', 'Quy trình ủ phân từ bã mía'].map((title) =>
    store.hydrate(
      'offer',
      offerInput({
        title,
        organizationId: owner.organization.id,
        authorId: owner.user.id,
        status: 'published',
        publishedAt: new Date(),
      }),
    ),
  );
  await store.insertBatch('offer', docs);
  const ids = docs.map((d) => String(d._id));
  const titles = async (maxAgeMs?: number) =>
    (await store.findEachStored('offer', ids, maxAgeMs)).map((l) => `${l.title}|${l.status}`).sort();

  // Another instance withdraws one (straight into the collection): what was just stored is served…
  await t.models.Offer.updateOne({ _id: ids[0] }, { $set: { status: 'archived' } });
  expect(await titles()).toEqual(['Máy ép viên phân bón hữu cơ|published', 'Quy trình ủ phân từ bã mía|published']);
  // …until it is older than the caller accepts.
  await aged();
  expect(await titles(10)).toEqual(['Máy ép viên phân bón hữu cơ|archived', 'Quy trình ủ phân từ bã mía|published']);

  // A second batch, then a write through this instance's store: shown at once, the rest still from memory.
  const again = store.hydrate('offer', { ...docs[1], _id: undefined, title: 'Lò đốt trấu cấp nhiệt' });
  await store.insertBatch('offer', [again]);
  await store.write('offer', again._id, { $set: { title: 'Lò đốt trấu cấp nhiệt sấy lúa' } });
  await t.models.Offer.deleteOne({ _id: ids[1] });
  expect((await store.findEachStored('offer', [again._id, ids[1]])).map((l) => l.title).sort()).toEqual([
    'Lò đốt trấu cấp nhiệt sấy lúa',
    'Quy trình ủ phân từ bã mía',
  ]);
});
