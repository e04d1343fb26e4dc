import type { EventDto, EventStatsDto, ScheduleRunDto } from '@techbridge/shared';
import request from 'supertest';
import { seedDemoEvents } from '../server/src/demo/events';
import { DEMO_PASSWORD, seedDemo, seedDemoListings } from '../server/src/demo/seed';
import { startTestApp, type TestApp } from './helpers/app';

/**
 * The demo events (issue 17), seeded from server/src/demo/events.json
 * through the commands: a past Techmart with held meetings and the deals they
 * started, and an upcoming brokerage day in Thái Nguyên; seeding twice adds nothing.
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.ctx.db, t.ctx.log);
  await seedDemoListings(t.ctx);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const login = async (email: string) => {
  const res = await request(t.app.server).post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return { Authorization: `Bearer ${res.body.accessToken}` };
};

it('seeds a past Techmart with its held meetings and deals, and an upcoming brokerage day in Thái Nguyên, once', async () => {
  expect(await seedDemoEvents(t.ctx)).toBe(2);
  expect(await seedDemoEvents(t.ctx)).toBe(0);
  await t.settle();

  const past = (await request(t.app.server).get('/api/events?when=past')).body.data as EventDto[];
  expect(past).toHaveLength(1);
  expect(past[0]).toMatchObject({ kind: 'techmart', province: 'CTO', participantCount: 4 });
  const upcoming = (await request(t.app.server).get('/api/events?when=upcoming&province=TNG')).body.data as EventDto[];
  expect(upcoming).toHaveLength(1);
  expect(upcoming[0]).toMatchObject({
    kind: 'brokerage',
    registrationOpen: true,
    organizer: { name: 'Sở Khoa học và Công nghệ Thái Nguyên' },
  });

  const so = await login('so@demo.vn');
  const stats = (await request(t.app.server).get(`/api/events/${past[0].id}/stats`).set(so)).body.data as EventStatsDto;
  expect(stats).toEqual({
    participants: 4,
    meetings: { requested: 4, accepted: 3, declined: 1, cancelled: 0, scheduled: 3, held: 2, noShow: 1 },
    deals: { started: 2, won: 1, wonValueVnd: 4_200_000_000 },
  });

  // The Thái Nguyên day: scheduled, with the meeting of two organisations never there the same day left out, and why.
  const tng = await login('so-thainguyen@demo.vn');
  const event = (await request(t.app.server).get(`/api/events/${upcoming[0].id}`).set(tng)).body.data as EventDto;
  expect(event.schedule).toMatchObject({ version: 1, placed: 3 } satisfies Partial<ScheduleRunDto>);
  expect(event.schedule?.unplaced.map((u) => u.reason)).toEqual(['no_common_time']);
  const agenda = await request(t.app.server)
    .get(`/api/events/${upcoming[0].id}/schedule`)
    .set(await login('vien@demo.vn'));
  expect(agenda.body.data).toHaveLength(2);
  const requests = await request(t.app.server)
    .get(`/api/events/${upcoming[0].id}/meetings`)
    .set(await login('doanhnghiep@demo.vn'));
  expect(requests.body.data.filter((m: { status: string }) => m.status === 'requested')).toHaveLength(1);
}, 120_000);
