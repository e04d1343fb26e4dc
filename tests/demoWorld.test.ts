import type { EventDto, EventStatsDto, OrganizationProfileDto, ScheduleRunDto, StatsDto } from '@techbridge/shared';
import request from 'supertest';
import { DEMO_PASSWORD } from '../server/src/demo/seed';
import { worldOrganizations } from '../server/src/demo/world';
import { seedDemoWorld, type WorldCounts } from '../server/src/demo/world/seed';
import { startTestApp, type TestApp } from './helpers/app';

/**
 * The demo world (issue 18) seeded into a fresh app as `npm start` does,
 * checked through the public API: the counts a visitor and an administrator
 * see, rich profiles, listings that fit their organisations, pending admin
 * work, bookmarks, deals at every stage with twelve months of dates; and a
 * second run seeds nothing.
 */
let t: TestApp;
let counts: WorldCounts | null;
jest.setTimeout(180_000);

beforeAll(async () => {
  t = await startTestApp();
  counts = await seedDemoWorld(t.ctx);
  await t.settle();
}, 1_500_000);

afterAll(async () => {
  await t?.close();
}, 300_000);

const api = () => request(t.app.server);
const login = async (email: string) => {
  const res = await api().post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return { Authorization: `Bearer ${res.body.accessToken}` };
};
const search = async (query: Record<string, string | number>) => {
  const res = await api()
    .get('/api/search')
    .query({ limit: 1, ...query });
  expect(res.status).toBe(200);
  return res.body as { total: number; facets: Record<string, Record<string, number>> };
};

it('seeds the world once, and a second run seeds nothing', async () => {
  expect(counts).toMatchObject({ organizations: 71, offers: 166, demands: 97, deals: 34, events: 3 });
  expect(counts?.bookmarks).toBeGreaterThanOrEqual(20);
  const users = (
    await api()
      .get('/api/admin/users')
      .set(await login('admin@demo.vn'))
  ).body.data;
  expect(await seedDemoWorld(t.ctx)).toBeNull();
  expect(
    (
      await api()
        .get('/api/admin/users')
        .set(await login('admin@demo.vn'))
    ).body.data,
  ).toHaveLength(users.length);
  console.log(`demo world: ${JSON.stringify(counts)}`);
});

it('shows at least 150 offers, 80 demands and 15 English listings in search, from 12+ provinces', async () => {
  expect((await search({ type: 'offer' })).total).toBeGreaterThanOrEqual(150);
  expect((await search({ type: 'demand' })).total).toBeGreaterThanOrEqual(80);
  expect((await search({ lang: 'en' })).total).toBeGreaterThanOrEqual(15);
  const orgs = (await api().get('/api/organizations').query({ limit: 100 })).body.data as { province: string }[];
  expect(orgs.length).toBeGreaterThanOrEqual(30);
  const provinces = new Set(orgs.map((o) => o.province));
  expect(provinces.size).toBeGreaterThanOrEqual(12);
  for (const p of ['TNG', 'NBH', 'CTO', 'HN', 'HCM']) expect(provinces).toContain(p);
});

it('gives organisations rich profiles whose listings fit their sectors', async () => {
  const orgs = (await api().get('/api/organizations').query({ limit: 100 })).body.data as { id: string }[];
  const signedIn = await login('doanhnghiep@demo.vn');
  let rich = 0;
  for (const { id } of orgs) {
    const p = (await api().get(`/api/organizations/${id}`).set(signedIn)).body.data as OrganizationProfileDto;
    if (
      p.description &&
      p.sectors.length &&
      p.expertise.length &&
      p.foundedYear &&
      p.size &&
      p.website &&
      p.contact?.email
    )
      rich += 1;
    expect(p.logoUrl).toMatch(new RegExp(`^/api/organizations/${id}/logo\\?v=`));
  }
  expect(rich).toBe(orgs.length);

  // Every live listing shares a sector with its organisation (a checked sample: the first page of each type).
  const sectorsOf = new Map<string, string[]>();
  for (const { id } of orgs)
    sectorsOf.set(id, ((await api().get(`/api/organizations/${id}`)).body.data as OrganizationProfileDto).sectors);
  for (const type of ['offer', 'demand']) {
    const res = await api().get('/api/search').query({ type, limit: 100, sort: 'newest' });
    for (const hit of res.body.hits as { organization: { id: string }; sectors: string[]; title: string }[])
      expect(`${hit.title}: ${hit.sectors.some((s) => sectorsOf.get(hit.organization.id)?.includes(s))}`).toMatch(
        /true$/,
      );
  }

  // Won deals are counted on the parties' profiles.
  const can = orgs.find((o) => o.id) && (await api().get('/api/organizations').query({ q: 'Đại học Cần Thơ' }));
  const ctu = (await api().get(`/api/organizations/${can?.body.data[0].id}`)).body.data as OrganizationProfileDto;
  expect(ctu.stats.completedDeals).toBeGreaterThanOrEqual(1);
  expect(ctu.stats.offers).toBeGreaterThan(0);
});

it('leaves work for the administrator: verification requests and listings awaiting moderation', async () => {
  const admin = await login('admin@demo.vn');
  const pending = (await api().get('/api/admin/verifications').query({ status: 'pending' }).set(admin)).body.data;
  expect(pending.length).toBe(worldOrganizations.filter((o) => !o.verified).length);
  expect(pending.length).toBeGreaterThanOrEqual(3);
  const review = (await api().get('/api/admin/listings').query({ status: 'pending_review' }).set(admin)).body.data;
  expect(review.length).toBeGreaterThanOrEqual(5);
});

it('keeps the contract accounts working, each with bookmarks fitting its organisation', async () => {
  for (const email of [
    'admin@demo.vn',
    'vien@demo.vn',
    'truong@demo.vn',
    'doanhnghiep@demo.vn',
    'moigioi@demo.vn',
    'so@demo.vn',
  ]) {
    const auth = await login(email);
    const me = (await api().get('/api/auth/me').set(auth)).body;
    const bookmarks = (await api().get('/api/bookmarks').set(auth)).body.data as unknown[];
    expect(`${email}: ${bookmarks.length}`).toMatch(/: [3-9]$/);
    if (email !== 'admin@demo.vn') expect(me.organization?.verified ?? me.user?.organization?.verified).not.toBe(false);
  }
});

it('has deals at every stage, NDA states and confirmed outcomes, over twelve months', async () => {
  const admin = await login('admin@demo.vn');
  const stats = (await api().get('/api/stats').query({ scope: 'national' }).set(admin)).body.data as StatsDto;
  for (const stage of ['interest', 'contacted', 'nda', 'negotiation', 'agreement', 'won', 'lost'])
    expect(`${stage}: ${stats.deals.byStage[stage] ?? 0}`).not.toMatch(/: 0$/);
  expect(stats.outcomes.count).toBeGreaterThanOrEqual(3);
  expect(stats.funnel.nda).toBeGreaterThan(0);
  // Twelve months of publications, more in recent months: not flat.
  const months = Object.values(stats.listings.byMonth);
  expect(months.length).toBeGreaterThanOrEqual(11);
  expect(Math.max(...months)).toBeGreaterThan(Math.min(...months));

  // A deal seen by its party: backdated history and chat.
  const vien = await login('vien@demo.vn');
  const deals = (await api().get('/api/deals').set(vien)).body.data as {
    id: string;
    stage: string;
    createdAt: string;
  }[];
  expect(deals.length).toBeGreaterThan(3);
  const oldest = Math.min(...deals.map((d) => Date.parse(d.createdAt)));
  expect(Date.now() - oldest).toBeGreaterThan(150 * 86_400_000);
  const ndaStates = new Set<string>();
  for (const d of deals) {
    const full = (await api().get(`/api/deals/${d.id}`).set(vien)).body.data as { nda?: { status?: string } };
    if (full.nda?.status) ndaStates.add(full.nda.status);
  }
  expect(ndaStates.size).toBeGreaterThanOrEqual(2);
});

it('seeds the events: a past Techmart in Cần Thơ with held meetings, upcoming days in Thái Nguyên and Ninh Bình', async () => {
  const past = (await api().get('/api/events?when=past')).body.data as EventDto[];
  expect(past).toHaveLength(1);
  expect(past[0]).toMatchObject({ kind: 'techmart', province: 'CTO', participantCount: 9 });
  const upcoming = (await api().get('/api/events?when=upcoming')).body.data as EventDto[];
  expect(upcoming.map((e) => e.province).sort()).toEqual(['NBH', 'TNG']);
  const stats = (
    await api()
      .get(`/api/events/${past[0].id}/stats`)
      .set(await login('so@demo.vn'))
  ).body.data as EventStatsDto;
  expect(stats).toMatchObject({
    participants: 9,
    meetings: { requested: 4, accepted: 4, declined: 0, scheduled: 4, held: 3, noShow: 1 },
  });

  // The Thái Nguyên Techmart: registration open, its accepted meeting scheduled, one request awaiting an answer.
  const tngSummary = upcoming.find((e) => e.province === 'TNG') as EventDto;
  expect(tngSummary).toMatchObject({
    registrationOpen: true,
    organizer: { name: 'Sở Khoa học và Công nghệ Thái Nguyên' },
  });
  const organizer = worldOrganizations.find((o) => o.key === 'so-khcn-thai-nguyen')?.members[0].email ?? '';
  const tng = (
    await api()
      .get(`/api/events/${tngSummary.id}`)
      .set(await login(organizer))
  ).body.data as EventDto;
  expect(tng.schedule).toMatchObject({ version: 1, placed: 1 } satisfies Partial<ScheduleRunDto>);
}, 60_000);
