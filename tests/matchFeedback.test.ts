import {
  FEEDBACK_REPEAT,
  MATCH_STRONG,
  MATCH_THRESHOLD,
  type MatchDto,
  type NotificationDto,
  scoreMatch,
  tuningFrom,
} from '@techbridge/shared';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app';
import { buildAdmin, buildListing, buildOrg, demandInput, type Member, offerInput } from './helpers/factories';
import { type ClientSocket, connectAs } from './helpers/sockets';

/**
 * Strong and weak matches, and "Không phù hợp" with a reason: against the
 * real database, Meilisearch and matcher.
 */
let t: TestApp;
let institute: Member;
let enterprise: Member;
let bystander: Member;
let socket: ClientSocket & { received: { event: string; payload: unknown }[] };
const api = () => request(t.app.server);

const strongOffer = offerInput({
  title: 'Hệ thống xử lý nước thải ao nuôi tôm bằng chế phẩm vi sinh',
  keywords: ['nước thải', 'ao nuôi'],
  sectors: ['aquaculture', 'environment'],
});
// Mostly about oxygen sensors, in a neighbouring sector, far away: listed, not announced.
const weakOffer = offerInput({
  title: 'Thiết bị đo oxy hòa tan cho ao nuôi tôm',
  summary: 'Cảm biến đo oxy và xử lý nước thải ao nuôi tôm.',
  keywords: ['oxy hòa tan', 'ao nuôi'],
  sectors: ['electronics'],
  transferModes: ['consulting_training'],
  price: { min: 3_000_000_000, currency: 'VND' },
  province: 'HN',
});
const need = demandInput();

const matchesOf = async (m: Member): Promise<MatchDto[]> =>
  (await api().get('/api/matches').query({ limit: 200 }).set(m.auth)).body.data;
const announced = () =>
  socket.received.filter((r) => r.event === 'match:new').map((r) => (r.payload as { match: MatchDto }).match.id);

beforeAll(async () => {
  t = await startTestApp();
  institute = await buildOrg(t, { type: 'research_institute', verified: true, province: 'CTO' });
  enterprise = await buildOrg(t, { type: 'enterprise', verified: true, province: 'CTO' });
  bystander = await buildOrg(t, { type: 'enterprise', verified: true, province: 'HN' });
  socket = await connectAs(t, enterprise.accessToken);
});
afterAll(async () => {
  socket.close();
  await t.close();
});

describe('strong and weak matches', () => {
  let strong: MatchDto;
  let weak: MatchDto;

  it('announces a strong match and only lists a weak one', async () => {
    expect(scoreMatch(strongOffer as never, need as never).score).toBeGreaterThanOrEqual(MATCH_STRONG);
    const weakScore = scoreMatch(weakOffer as never, need as never).score;
    expect(weakScore).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(weakScore).toBeLessThan(MATCH_STRONG);

    await buildListing(t, institute, 'offer', strongOffer);
    await buildListing(t, institute, 'offer', weakOffer);
    await t.settle();
    await buildListing(t, enterprise, 'demand', need);
    await t.settle();
    const listed = await matchesOf(enterprise);
    strong = listed.find((m) => m.offer.title === strongOffer.title) as MatchDto;
    weak = listed.find((m) => m.offer.title === weakOffer.title) as MatchDto;
    expect(strong.score).toBeGreaterThanOrEqual(MATCH_STRONG);
    expect(weak.score).toBeLessThan(MATCH_STRONG);
    expect(announced()).toContain(strong.id);
    expect(announced()).not.toContain(weak.id);
    const notes: NotificationDto[] = (await api().get('/api/notifications').set(enterprise.auth)).body.data;
    const noted = notes.filter((n) => n.type === 'match.new').flatMap((n) => JSON.stringify(n.data));
    expect(noted.join()).toContain(strongOffer.title);
    expect(noted.join()).not.toContain(weakOffer.title);
  });

  it('dismisses with a reason, shown to the side that gave it only', async () => {
    const res = await api()
      .post(`/api/matches/${strong.id}/dismiss`)
      .set(enterprise.auth)
      .send({ reason: 'price', note: 'Quá đắt' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'dismissed', feedback: { reason: 'price', note: 'Quá đắt' } });
    const other = (await matchesOf(institute)).find((m) => m.id === strong.id);
    expect(other).toMatchObject({ state: 'new', feedback: null });
    // The reason can be changed; the dismissal counts once per match.
    const changed = await api()
      .post(`/api/matches/${strong.id}/dismiss`)
      .set(enterprise.auth)
      .send({ reason: 'location' });
    expect(changed.body.data.feedback.reason).toBe('location');
  });

  it('refuses a reason it does not know, naming the field, and another organisation’s match', async () => {
    const bad = await api().post(`/api/matches/${weak.id}/dismiss`).set(enterprise.auth).send({ reason: 'ugly' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('reason');
    const injected = await api()
      .post(`/api/matches/${weak.id}/dismiss`)
      .set(enterprise.auth)
      .send({ reason: { $ne: 'x' } });
    expect(injected.status).toBe(400);
    expect(
      (await api().post(`/api/matches/${weak.id}/dismiss`).set(bystander.auth).send({ reason: 'price' })).status,
    ).toBe(404);
    // A dismissal without a body still works (older clients).
    expect((await api().post(`/api/matches/${weak.id}/dismiss`).set(enterprise.auth)).body.data.state).toBe(
      'dismissed',
    );
  });

  it('never announces a dismissed pair again, whatever is edited', async () => {
    const before = announced().length;
    const edited = await api()
      .patch(`/api/demands/${strong.demand.id}`)
      .set(enterprise.auth)
      .send({ title: 'Cần công nghệ xử lý nước thải ao nuôi tôm bằng vi sinh' });
    expect(edited.status).toBe(200);
    await t.settle();
    expect(announced().length).toBe(before);
    const again = await api()
      .get(`/api/demands/${strong.demand.id}/matches`)
      .query({ state: 'dismissed' })
      .set(enterprise.auth);
    expect(again.body.data.map((m: MatchDto) => m.id)).toContain(strong.id);
  });
});

describe('feedback that teaches', () => {
  it(`after ${FEEDBACK_REPEAT} "wrong sector" dismissals, neighbouring sectors no longer match the organisation`, async () => {
    const buyer = await buildOrg(t, { type: 'enterprise', verified: true, province: 'CTO' });
    const seller = await buildOrg(t, { type: 'research_institute', verified: true, province: 'CTO' });
    // Pairs in neighbouring sectors (mechanical offers, food-processing demands): a match before any feedback.
    const offer = (i: number) =>
      offerInput({
        title: `Máy sấy xoài bằng bơm nhiệt mẫu ${i}`,
        summary: 'Máy sấy xoài, chuối bằng bơm nhiệt cho hợp tác xã.',
        keywords: ['máy sấy', 'bơm nhiệt'],
        sectors: ['mechanical'],
      });
    const demand = demandInput({
      title: 'Cần máy sấy xoài bằng bơm nhiệt',
      problem: 'Hợp tác xã cần máy sấy xoài xuất khẩu.',
      keywords: ['máy sấy'],
      sectors: ['food_processing'],
    });
    expect(scoreMatch(offer(0) as never, demand as never).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(scoreMatch(offer(0) as never, demand as never, tuningFrom({ wrong_sector: FEEDBACK_REPEAT })).eligible).toBe(
      false,
    );

    for (let i = 0; i < FEEDBACK_REPEAT; i++) await buildListing(t, seller, 'offer', offer(i));
    await t.settle();
    await buildListing(t, buyer, 'demand', demand);
    await t.settle();
    const first = await matchesOf(buyer);
    expect(first).toHaveLength(FEEDBACK_REPEAT);
    for (const m of first)
      expect(
        (await api().post(`/api/matches/${m.id}/dismiss`).set(buyer.auth).send({ reason: 'wrong_sector' })).status,
      ).toBe(200);

    await buildListing(t, seller, 'offer', offer(99));
    await buildListing(t, buyer, 'demand', { ...demand, title: 'Cần máy sấy chuối bằng bơm nhiệt' });
    await t.settle();
    const after = await api().get('/api/matches').query({ state: 'new' }).set(buyer.auth);
    expect(after.body.data).toEqual([]);
  });

  it('shows operators the reasons in statistics', async () => {
    const admin = await buildAdmin(t);
    const stats = await api().get('/api/stats').set(admin.auth);
    expect(stats.status).toBe(200);
    expect(stats.body.data.matches.feedback).toMatchObject({ location: 1, wrong_sector: FEEDBACK_REPEAT });
  });
});
