import type { MatchDto, NotificationDto } from '@techbridge/shared';
import request from 'supertest';
import { notifyUsers } from '../server/src/modules/notifications/notify';
import { eventually, startTestApp, type TestApp } from './helpers/app';
import { buildAdmin, buildListing, buildOrg, demandInput, type Member, offerInput } from './helpers/factories';
import { type ClientSocket, connectAs, nextEvent } from './helpers/sockets';

let t: TestApp;
let institute: Member;
let enterprise: Member;
let bystander: Member;
const sockets: ClientSocket[] = [];
const api = () => request(t.app.server);

const wastewaterOffer = offerInput({
  title: 'Hệ thống XLNT chế biến thủy sản bằng bùn hạt hiếu khí',
  summary: 'Công nghệ xử lý nước thải nhà máy chế biến cá tra đạt QCVN 11, giảm 40% diện tích bể.',
  keywords: ['nước thải', 'bùn hạt hiếu khí'],
  sectors: ['environment', 'aquaculture'],
  transferModes: ['turnkey', 'license_non_exclusive'],
  trl: 7,
});
const wastewaterDemand = demandInput();

beforeAll(async () => {
  t = await startTestApp();
  institute = await buildOrg(t, { type: 'research_institute', verified: true, province: 'CTO' });
  enterprise = await buildOrg(t, { type: 'enterprise', verified: true, province: 'AGG' });
  bystander = await buildOrg(t, { type: 'enterprise', verified: true, province: 'HN' });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

async function connect(m: Member) {
  const s = await connectAs(t, m.accessToken);
  sockets.push(s);
  return s;
}

describe('matches', () => {
  let offerId: string;
  let demandId: string;

  it('publishing a demand delivers match:new with reasons to the offer’s organisation within 2 s, and to no one unrelated', async () => {
    offerId = (await buildListing(t, institute, 'offer', wastewaterOffer)).id;
    await t.workers.searchSync.settled();
    const instituteSocket = await connect(institute);
    const bystanderSocket = await connect(bystander);
    const started = Date.now();
    demandId = (await buildListing(t, enterprise, 'demand', wastewaterDemand)).id;
    const { match } = await nextEvent<{ match: MatchDto }>(
      instituteSocket,
      'match:new',
      2000,
      (p) => p.match.demand.id === demandId,
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2000);
    expect(match.offer.id).toBe(offerId);
    expect(match.score).toBeGreaterThanOrEqual(55);
    expect(match.reasons.map((r) => r.kind)).toEqual([
      'terms',
      'sectors',
      'trl',
      'location',
      'budget',
      'transferModes',
    ]);
    expect(match.reasons.find((r) => r.kind === 'terms')).toMatchObject({
      terms: expect.arrayContaining(['xử lý nước thải']),
    });
    expect(match.state).toBe('new');
    expect(JSON.stringify(match)).not.toContain('Bacillus');
    await t.workers.outbox.settled();
    await new Promise((r) => setTimeout(r, 200));
    expect(bystanderSocket.received.filter((r) => r.event === 'match:new')).toEqual([]);
  });

  it('lets only the listing’s organisation (and administrators) read its matches, best first', async () => {
    const own = await api().get(`/api/demands/${demandId}/matches`).set(enterprise.auth);
    expect(own.status).toBe(200);
    expect(own.body.data.map((m: MatchDto) => m.offer.id)).toContain(offerId);
    const scores = own.body.data.map((m: MatchDto) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((await api().get(`/api/demands/${demandId}/matches`).set(bystander.auth)).status).toBe(403);
    expect((await api().get(`/api/offers/${offerId}/matches`).set(enterprise.auth)).status).toBe(403);
    expect((await api().get(`/api/demands/${demandId}/matches`)).status).toBe(401);
    const mine = await api().get('/api/matches').set(institute.auth);
    expect(mine.body.data.map((m: MatchDto) => m.demand.id)).toContain(demandId);
    expect((await api().get('/api/matches').set(bystander.auth)).body.data).toEqual([]);
  });

  it('re-publishing or editing produces no duplicate match', async () => {
    await api().post(`/api/demands/${demandId}/archive`).set(enterprise.auth);
    await api().post(`/api/demands/${demandId}/publish`).set(enterprise.auth);
    await api()
      .patch(`/api/demands/${demandId}`)
      .set(enterprise.auth)
      .send({ title: 'Cần công nghệ xử lý nước thải ao nuôi tôm thâm canh' });
    await api()
      .patch(`/api/offers/${offerId}`)
      .set(institute.auth)
      .send({ keywords: ['nước thải', 'ao nuôi tôm'] });
    await t.workers.matcher.settled();
    expect(await t.models.Match.countDocuments({ offerId, demandId })).toBe(1);
    const res = await api().get(`/api/demands/${demandId}/matches`).set(enterprise.auth);
    expect(res.body.data.filter((m: MatchDto) => m.offer.id === offerId)).toHaveLength(1);
  });

  it('marks a match seen or dismissed on one side only', async () => {
    const [match] = (await api().get(`/api/demands/${demandId}/matches`).set(enterprise.auth)).body.data.filter(
      (m: MatchDto) => m.offer.id === offerId,
    );
    const dismissed = await api().post(`/api/matches/${match.id}/dismiss`).set(enterprise.auth);
    expect(dismissed.body.data.state).toBe('dismissed');
    const seen = await api().post(`/api/matches/${match.id}/seen`).set(enterprise.auth);
    expect(seen.body.data.state).toBe('dismissed');
    const other = await api().get(`/api/offers/${offerId}/matches`).set(institute.auth);
    expect(other.body.data.find((m: MatchDto) => m.id === match.id).state).toBe('new');
    expect((await api().post(`/api/matches/${match.id}/seen`).set(bystander.auth)).status).toBe(404);
  });

  it('archiving either side hides the match', async () => {
    await api().post(`/api/offers/${offerId}/archive`).set(institute.auth);
    await t.workers.matcher.settled();
    const res = await api().get(`/api/demands/${demandId}/matches`).set(enterprise.auth);
    expect(res.body.data.map((m: MatchDto) => m.offer.id)).not.toContain(offerId);
    await api().post(`/api/offers/${offerId}/publish`).set(institute.auth);
    await t.workers.matcher.settled();
    const back = await api().get(`/api/demands/${demandId}/matches`).set(enterprise.auth);
    expect(back.body.data.map((m: MatchDto) => m.offer.id)).toContain(offerId);
  });

  it('never matches drafts and never uses confidential details', async () => {
    const draft = await buildListing(
      t,
      institute,
      'offer',
      { ...wastewaterOffer, title: 'Bản nháp XLNT thủy sản' },
      { publish: false },
    );
    const secretOnly = await buildListing(t, institute, 'offer', {
      title: 'Giống hoa lan cắt cành',
      summary: 'Giống lan Dendrobium cho hoa cắt cành năng suất cao, bền màu.',
      keywords: ['hoa lan'],
      sectors: ['crops'],
      confidential: { details: 'xử lý nước thải chế biến thủy sản ao nuôi tôm QCVN nước thải' },
    });
    const demand = await buildListing(t, enterprise, 'demand', {
      ...wastewaterDemand,
      title: 'Cần xử lý nước thải nhà máy cá tra',
    });
    await t.workers.matcher.settled();
    const matches = await t.models.Match.find({ demandId: demand.id, active: true }).lean();
    const offerIds = matches.map((m) => String(m.offerId));
    expect(offerIds).not.toContain(draft.id);
    expect(offerIds).not.toContain(secretOnly.id);
  });
});

describe('notifications, saved searches and follows', () => {
  it('a saved-search alert fires once for a new matching listing and not for a draft', async () => {
    const searcher = await buildOrg(t, { type: 'enterprise', verified: true });
    const saved = await api()
      .post('/api/saved-searches')
      .set(searcher.auth)
      .send({ name: 'Máy sấy', query: { q: 'may say', type: 'offer' } });
    expect(saved.status).toBe(201);
    const socket = await connect(searcher);

    await buildListing(t, institute, 'offer', { title: 'Bản nháp máy sấy lạnh' }, { publish: false });
    const dryer = await buildListing(t, institute, 'offer', {
      title: 'Máy sấy bơm nhiệt cho dược liệu',
      sectors: ['food_processing'],
    });
    const pushed = await nextEvent<{ notification: NotificationDto; unread: number }>(socket, 'notification:new', 3000);
    expect(pushed.notification).toMatchObject({ type: 'saved_search.hit', read: false });
    expect(pushed.notification.data).toMatchObject({ listingId: dryer.id, savedSearchName: 'Máy sấy' });
    // Re-publishing the same listing does not alert again; an unrelated one does not alert at all.
    await api().post(`/api/offers/${dryer.id}/archive`).set(institute.auth);
    await api().post(`/api/offers/${dryer.id}/publish`).set(institute.auth);
    await buildListing(t, institute, 'offer', { title: 'Chế phẩm vi sinh cho ao tôm' });
    await t.workers.outbox.settled();
    const list = await api().get('/api/notifications').set(searcher.auth);
    const alerts = list.body.data.filter((n: NotificationDto) => n.type === 'saved_search.hit');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].data.listingId).toBe(dryer.id);
    expect(list.body.unread).toBe(1);
  });

  it('a follower of a sector hears of a new listing in it, and notifications can be marked read', async () => {
    const follower = await buildOrg(t, { type: 'intermediary', verified: true });
    expect((await api().post('/api/follows').set(follower.auth).send({ sector: 'medicinal_plants' })).status).toBe(201);
    expect((await api().post('/api/follows').set(follower.auth).send({ sector: 'astrology' })).status).toBe(400);
    const socket = await connect(follower);
    const listing = await buildListing(t, institute, 'offer', {
      title: 'Nhân giống sâm Ngọc Linh nuôi cấy mô',
      sectors: ['medicinal_plants'],
    });
    const pushed = await nextEvent<{ notification: NotificationDto; unread: number }>(socket, 'notification:new', 3000);
    expect(pushed.notification).toMatchObject({
      type: 'sector.new_listing',
      data: { listingId: listing.id, sectors: ['medicinal_plants'] },
    });
    expect(pushed.unread).toBe(1);
    const read = await api().post(`/api/notifications/${pushed.notification.id}/read`).set(follower.auth);
    expect(read.body).toMatchObject({ data: { read: true }, unread: 0 });
    expect((await api().post(`/api/notifications/${pushed.notification.id}/read`).set(institute.auth)).status).toBe(
      404,
    );
    await buildListing(t, institute, 'offer', { title: 'Cây giống keo lai mô', sectors: ['forestry'] });
    await t.workers.outbox.settled();
    expect((await api().get('/api/notifications?unread=true').set(follower.auth)).body.data).toEqual([]);
  });

  it('keeps the unread count without counting notifications: a read counts once, listing repairs a drifted count', async () => {
    const reader = await buildOrg(t, { type: 'intermediary', verified: true });
    const socket = await connect(reader);
    const data = { listingId: '0123456789abcdef01234567', listingType: 'offer', title: 'Thử', sectors: ['forestry'] };
    await notifyUsers(t.ctx, [reader.user.id], 'sector.new_listing', data, (u) => `first:${u}`);
    await notifyUsers(t.ctx, [reader.user.id], 'sector.new_listing', data, (u) => `second:${u}`);
    // The same key again (an event processed twice): nothing new, nothing pushed.
    await notifyUsers(t.ctx, [reader.user.id], 'sector.new_listing', data, (u) => `second:${u}`);
    await eventually(async () => {
      const pushes = socket.received.filter((r) => r.event === 'notification:new');
      expect(pushes.map((p) => (p.payload as { unread: number }).unread)).toEqual([1, 2]);
    });
    const [first] = (await api().get('/api/notifications').set(reader.auth)).body.data as NotificationDto[];
    const twice = await Promise.all(
      [1, 2].map(() => api().post(`/api/notifications/${first.id}/read`).set(reader.auth)),
    );
    expect(twice.map((r) => r.body.unread)).toEqual([1, 1]);
    // A counter that drifted (a crash between writes, say) is put right when the list is read.
    await t.models.Inbox.updateOne({ _id: reader.user.id }, { $set: { unread: 7 } });
    expect((await api().get('/api/notifications').set(reader.auth)).body.unread).toBe(1);
    expect((await t.models.Inbox.findById(reader.user.id).lean())?.unread).toBe(1);
    expect((await api().get('/api/notifications').set(reader.auth)).body.data).toHaveLength(2);
  });

  it('a new match notifies the members of both organisations', async () => {
    await t.workers.outbox.settled();
    const list = await api().get('/api/notifications').set(enterprise.auth);
    expect(list.body.data.some((n: NotificationDto) => n.type === 'match.new')).toBe(true);
    const readAll = await api().post('/api/notifications/read-all').set(enterprise.auth);
    expect(readAll.body.unread).toBe(0);
  });

  it('an approved or rejected listing notifies its organisation', async () => {
    const newcomer = await buildOrg(t, { type: 'university' });
    const pending = await buildListing(t, newcomer, 'offer', { title: 'Vật liệu nano bạc kháng khuẩn' });
    const admin = await buildAdmin(t);
    const rejected = await api()
      .post(`/api/admin/listings/offer/${pending.id}/reject`)
      .set(admin.auth)
      .send({ reason: 'Thiếu số bằng sáng chế' });
    expect(rejected.body.data.status).toBe('rejected');
    await t.workers.outbox.settled();
    const list = await api().get('/api/notifications').set(newcomer.auth);
    expect(list.body.data[0]).toMatchObject({
      type: 'listing.rejected',
      data: { listingId: pending.id, reason: 'Thiếu số bằng sáng chế' },
    });
  });
});
