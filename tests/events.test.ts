import type { EventDto, ScheduleEntryDto, ScheduleRunDto } from '@techbridge/shared';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { eventually, startTestApp, type TestApp } from './helpers/app';
import { requestScans, spy } from './helpers/dbSpy';
import { buildListing, buildOrg, demandInput, type Member } from './helpers/factories';
import { connectAs, nextEvent } from './helpers/sockets';

/**
 * Techmart and brokerage days (issue 17), end to end through the API: an
 * agency creates and publishes a brokerage day; verified organisations
 * register with their listings as booths; suggestions come from the matching
 * engine; meetings are requested and answered; the organiser schedules them
 * with no double booking; each participant reads its own agenda, also as
 * iCalendar; changes reach participants live and in their inboxes; a held
 * meeting becomes a deal; the organiser's figures count it.
 */

let t: TestApp;
let agency: Member;
let institute: Member;
let enterprise: Member;
let farm: Member;
let outsider: Member;
let offerId: string;
let demandId: string;
let farmDemandId: string;

const DAY = 86_400_000;
/** A date `days` from now at a given hour in Ha Noi (UTC+7), as an ISO string with its offset. */
function vnTime(days: number, hour: number, minute = 0): string {
  const d = new Date(Date.now() + days * DAY + 7 * 3_600_000);
  const date = d.toISOString().slice(0, 10);
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`;
}

const brokerageDay = (overrides: Record<string, unknown> = {}) => ({
  title: 'Ngày kết nối cung cầu công nghệ Thái Nguyên',
  description: 'Kết nối doanh nghiệp, viện, trường: gặp gỡ 1-1 theo lịch hẹn.',
  kind: 'brokerage',
  startsAt: vnTime(30, 8),
  endsAt: vnTime(30, 12),
  timezone: 'Asia/Ho_Chi_Minh',
  location: { venue: 'Trung tâm Hội nghị tỉnh Thái Nguyên', address: 'Đường Hoàng Văn Thụ', province: 'TNG' },
  sectors: ['aquaculture', 'environment'],
  slotMinutes: 20,
  tables: 2,
  registrationClosesAt: vnTime(29, 17),
  breaks: [{ start: vnTime(30, 10), end: vnTime(30, 10, 20) }],
  ...overrides,
});

const api = () => request(t.app.server);

beforeAll(async () => {
  t = await startTestApp();
  [agency, institute, enterprise, farm, outsider] = await Promise.all([
    buildOrg(t, { type: 'agency', verified: true, province: 'TNG', name: 'Sở KH&CN Thái Nguyên' }),
    buildOrg(t, { type: 'research_institute', verified: true, name: 'Viện Thủy sản Thái Nguyên' }),
    buildOrg(t, { type: 'enterprise', verified: true, name: 'Công ty Tôm sạch Việt' }),
    buildOrg(t, { type: 'enterprise', verified: true, name: 'Hợp tác xã Nuôi trồng Đại Từ' }),
    buildOrg(t, { type: 'enterprise', verified: false, name: 'Doanh nghiệp chưa xác minh' }),
  ]);
  offerId = (await buildListing(t, institute, 'offer')).id;
  demandId = (
    await buildListing(
      t,
      enterprise,
      'demand',
      demandInput({ title: 'Cần quy trình nuôi tôm thẻ tuần hoàn RAS', keywords: ['tôm thẻ', 'RAS', 'tuần hoàn'] }),
    )
  ).id;
  farmDemandId = (await buildListing(t, farm, 'demand')).id;
  await t.settle();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** No organisation twice in one slot, no table twice in one slot. */
function expectNoDoubleBooking(entries: ScheduleEntryDto[]) {
  const seen = new Set<string>();
  for (const e of entries) {
    for (const key of [`table:${e.startsAt}:${e.table}`, ...e.organizations.map((o) => `org:${e.startsAt}:${o.id}`)]) {
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  }
}

describe('a brokerage day, end to end', () => {
  let eventId: string;
  const meetings: Record<string, string> = {};

  it('is created by an agency (others 403), validated field by field, and a draft only its organiser sees', async () => {
    const refused = await api().post('/api/events').set(enterprise.auth).send(brokerageDay());
    expect(refused.status).toBe(403);
    const invalid = await api()
      .post('/api/events')
      .set(agency.auth)
      .send(brokerageDay({ slotMinutes: 5, tables: 500, timezone: 'Europe/Paris', kind: 'fair' }));
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(['kind', 'slotMinutes', 'tables', 'timezone']);
    const backwards = await api()
      .post('/api/events')
      .set(agency.auth)
      .send(brokerageDay({ endsAt: vnTime(30, 7), breaks: [{ start: vnTime(31, 9), end: vnTime(31, 10) }] }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toEqual({ endsAt: expect.any(String), 'breaks.0.start': expect.any(String) });

    const created = await api().post('/api/events').set(agency.auth).send(brokerageDay());
    expect(created.status).toBe(201);
    const event = created.body.data as EventDto;
    eventId = event.id;
    expect(event).toMatchObject({
      status: 'draft',
      kind: 'brokerage',
      province: 'TNG',
      organizer: { id: agency.organization.id, name: 'Sở KH&CN Thái Nguyên' },
      viewer: { organizer: true, participant: false },
    });
    expect((await api().get(`/api/events/${eventId}`)).status).toBe(404);
    expect((await api().get(`/api/events/${eventId}`).set(institute.auth)).status).toBe(404);
    expect((await api().get('/api/events')).body.data.map((e: EventDto) => e.id)).not.toContain(eventId);
    const mine = await api().get('/api/events?mine=organizing').set(agency.auth);
    expect(mine.body.data.map((e: EventDto) => e.id)).toContain(eventId);
  });

  it('is published by its organiser only, then listed publicly with filters by province and sector', async () => {
    expect((await api().post(`/api/events/${eventId}/publish`).set(institute.auth)).status).toBe(404);
    const published = await api().post(`/api/events/${eventId}/publish`).set(agency.auth);
    expect(published.status).toBe(200);
    expect(published.body.data).toMatchObject({ status: 'published', registrationOpen: true });
    const ids = async (query: string) =>
      ((await api().get(`/api/events${query}`)).body.data as EventDto[]).map((e) => e.id);
    expect(await ids('')).toContain(eventId);
    expect(await ids('?province=TNG&sector=aquaculture&when=upcoming')).toContain(eventId);
    expect(await ids('?province=HN')).not.toContain(eventId);
    expect(await ids('?sector=software')).not.toContain(eventId);
    expect(await ids('?when=past')).not.toContain(eventId);
    expect((await api().get(`/api/events/${eventId}`)).body.data.title).toBe(brokerageDay().title);
  });

  it('registers verified organisations with their own published listings as booths', async () => {
    const unverified = await api().post(`/api/events/${eventId}/participants`).set(outsider.auth).send({});
    expect(unverified.status).toBe(403);
    const foreign = await api()
      .post(`/api/events/${eventId}/participants`)
      .set(enterprise.auth)
      .send({ listingIds: [offerId] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual({ listingIds: expect.any(String) });

    const inst = await api()
      .post(`/api/events/${eventId}/participants`)
      .set(institute.auth)
      .send({ listingIds: [offerId] });
    expect(inst.status).toBe(201);
    expect(inst.body.data).toMatchObject({ booth: 1, listings: [{ id: offerId, type: 'offer' }] });
    expect(inst.body.data.listings[0]).not.toHaveProperty('confidential');
    // The enterprise can meet from 09:00 only.
    const ent = await api()
      .post(`/api/events/${eventId}/participants`)
      .set(enterprise.auth)
      .send({ listingIds: [demandId], availability: [{ start: vnTime(30, 9), end: vnTime(30, 12) }] });
    expect(ent.status).toBe(201);
    expect(ent.body.data.booth).toBe(2);
    const again = await api()
      .post(`/api/events/${eventId}/participants`)
      .set(enterprise.auth)
      .send({ listingIds: [demandId], availability: [{ start: vnTime(30, 9), end: vnTime(30, 12) }] });
    expect(again.status).toBe(200);
    expect(again.body.data.booth).toBe(2);
    const farmReg = await api()
      .post(`/api/events/${eventId}/participants`)
      .set(farm.auth)
      .send({ listingIds: [farmDemandId] });
    expect(farmReg.status).toBe(201);

    const catalogue = await api().get(`/api/events/${eventId}/participants`);
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.data.map((p: { booth: number; organization: { name: string } }) => p.booth)).toEqual([
      1, 2, 3,
    ]);
    expect((await api().get(`/api/events/${eventId}`)).body.data.participantCount).toBe(3);
  });

  it('suggests whom to meet, ranked by the matching engine’s scores with the reasons', async () => {
    expect((await api().get(`/api/events/${eventId}/suggestions`).set(outsider.auth)).status).toBe(403);
    const res = await api().get(`/api/events/${eventId}/suggestions`).set(institute.auth);
    expect(res.status).toBe(200);
    const suggestions = res.body.data as {
      organization: { id: string };
      score: number;
      reasons: { kind: string }[];
      stored: boolean;
      offer: { id: string };
      demand: { id: string };
    }[];
    expect(suggestions.map((s) => s.organization.id).sort()).toEqual(
      [enterprise.organization.id, farm.organization.id].sort(),
    );
    expect(suggestions[0].score).toBeGreaterThanOrEqual(suggestions[1].score);
    const forEnterprise = suggestions.find((s) => s.organization.id === enterprise.organization.id)!;
    expect(forEnterprise).toMatchObject({ offer: { id: offerId }, demand: { id: demandId } });
    expect(forEnterprise.reasons.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['terms', 'sectors', 'trl', 'location']),
    );
    // The matcher paired these two listings: the stored match's score is the one used.
    const stored = await t.models.Match.findOne({ offerId, demandId }).lean();
    expect(stored).not.toBeNull();
    expect(forEnterprise).toMatchObject({ score: stored?.score, stored: true });
    // The farm's demand was not paired by the matcher with this offer (or was): either way a score and reasons.
    const forFarm = suggestions.find((s) => s.organization.id === farm.organization.id)!;
    expect(forFarm.reasons.length).toBeGreaterThan(0);
  });

  it('takes meeting requests, answered by the other side only', async () => {
    const live = await connectAs(t, institute.accessToken);
    try {
      const asked = await api()
        .post(`/api/events/${eventId}/meetings`)
        .set(enterprise.auth)
        .send({ withOrganizationId: institute.organization.id, message: 'Xin gặp để trao đổi về RAS' });
      expect(asked.status).toBe(201);
      expect(asked.body.data).toMatchObject({ id: expect.any(String), status: 'requested' });
      meetings.entInst = asked.body.data.id;
      await nextEvent(live, 'event:meeting', 5000, (p: { meetingId: string }) => p.meetingId === meetings.entInst);
    } finally {
      live.close();
    }
    const twice = await api()
      .post(`/api/events/${eventId}/meetings`)
      .set(institute.auth)
      .send({ withOrganizationId: enterprise.organization.id });
    expect(twice.status).toBe(409);
    expect(
      (
        await api()
          .post(`/api/events/${eventId}/meetings`)
          .set(outsider.auth)
          .send({ withOrganizationId: institute.organization.id })
      ).status,
    ).toBe(403);

    expect(
      (await api().post(`/api/events/${eventId}/meetings/${meetings.entInst}/accept`).set(enterprise.auth)).status,
    ).toBe(403);
    expect((await api().post(`/api/events/${eventId}/meetings/${meetings.entInst}/accept`).set(farm.auth)).status).toBe(
      404,
    );
    const accepted = await api().post(`/api/events/${eventId}/meetings/${meetings.entInst}/accept`).set(institute.auth);
    expect(accepted.status).toBe(200);
    expect(accepted.body.data.status).toBe('accepted');
    expect(
      (await api().post(`/api/events/${eventId}/meetings/${meetings.entInst}/decline`).set(institute.auth)).status,
    ).toBe(409);

    const farmInst = await api()
      .post(`/api/events/${eventId}/meetings`)
      .set(farm.auth)
      .send({ withOrganizationId: institute.organization.id, listingIds: [farmDemandId, offerId] });
    expect(farmInst.status).toBe(201);
    meetings.farmInst = farmInst.body.data.id;
    expect(
      (await api().post(`/api/events/${eventId}/meetings/${meetings.farmInst}/accept`).set(institute.auth)).status,
    ).toBe(200);
    const farmEnt = await api()
      .post(`/api/events/${eventId}/meetings`)
      .set(farm.auth)
      .send({ withOrganizationId: enterprise.organization.id });
    meetings.farmEnt = farmEnt.body.data.id;
    const declined = await api()
      .post(`/api/events/${eventId}/meetings/${meetings.farmEnt}/decline`)
      .set(enterprise.auth);
    expect(declined.body.data.status).toBe('declined');

    await t.settle();
    const inbox = await t.models.Notification.find({ userId: institute.user.id, type: 'event.meeting_request' }).lean();
    expect(inbox).toHaveLength(2);
    const answers = await t.models.Notification.find({ userId: farm.user.id, type: 'event.meeting_answer' }).lean();
    expect(answers.map((n) => (n.data as { answer: string }).answer).sort()).toEqual(['accepted', 'declined']);
  });

  it('schedules accepted meetings (the organiser only) with no double booking, inside availability and hours', async () => {
    expect((await api().post(`/api/events/${eventId}/schedule`).set(institute.auth)).status).toBe(403);
    const live = await connectAs(t, enterprise.accessToken);
    let run: ScheduleRunDto;
    try {
      const res = await api().post(`/api/events/${eventId}/schedule`).set(agency.auth);
      expect(res.status).toBe(200);
      run = res.body.data;
      const pushed = await nextEvent<{ eventId: string; meetingIds: string[] }>(live, 'event:schedule', 5000);
      expect(pushed).toMatchObject({ eventId, meetingIds: [meetings.entInst] });
    } finally {
      live.close();
    }
    expect(run).toMatchObject({ version: 1, placed: 2, kept: 0, unplaced: [] });

    const all = (await api().get(`/api/events/${eventId}/schedule`).set(agency.auth)).body.data as ScheduleEntryDto[];
    expect(all.map((e) => e.meetingId).sort()).toEqual([meetings.entInst, meetings.farmInst].sort());
    expectNoDoubleBooking(all);
    for (const e of all) {
      expect(
        e.startsAt >= new Date(vnTime(30, 8)).toISOString() && e.endsAt <= new Date(vnTime(30, 12)).toISOString(),
      ).toBe(true);
      const overlapsBreak =
        e.startsAt < new Date(vnTime(30, 10, 20)).toISOString() && e.endsAt > new Date(vnTime(30, 10)).toISOString();
      expect(overlapsBreak).toBe(false);
      expect(e.table).toBeGreaterThanOrEqual(1);
      expect(e.table).toBeLessThanOrEqual(2);
    }
    // The institute meets both: the strongest first, each at its own time; the enterprise from 09:00.
    const entry = all.find((e) => e.meetingId === meetings.entInst)!;
    expect(entry.startsAt >= new Date(vnTime(30, 9)).toISOString()).toBe(true);
    expect(entry.organizations.map((o) => o.id).sort()).toEqual(
      [enterprise.organization.id, institute.organization.id].sort(),
    );
    expect(entry.listings.map((l) => l.id).sort()).toEqual([offerId, demandId].sort());

    // A participant sees its own agenda only; an outsider none.
    const own = (await api().get(`/api/events/${eventId}/schedule`).set(enterprise.auth)).body
      .data as ScheduleEntryDto[];
    expect(own.map((e) => e.meetingId)).toEqual([meetings.entInst]);
    expect((await api().get(`/api/events/${eventId}/schedule`).set(outsider.auth)).status).toBe(403);

    await t.settle();
    const notes = await t.models.Notification.find({ userId: enterprise.user.id, type: 'event.schedule' }).lean();
    expect(notes).toHaveLength(1);
  });

  it('serves my agenda as iCalendar (RFC 5545)', async () => {
    const res = await api()
      .get(`/api/events/${eventId}/schedule.ics`)
      .set(enterprise.auth)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => {
          text += c;
        });
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const text = res.body as string;
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(unfolded).toContain(`UID:event-meeting-${meetings.entInst}@techbridge`);
    expect(unfolded.find((l) => l.startsWith('DTSTART:'))).toMatch(/^DTSTART:\d{8}T\d{6}Z$/);
    expect(unfolded.find((l) => l.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(unfolded.find((l) => l.startsWith('SUMMARY:'))).toContain('Viện Thủy sản Thái Nguyên');
  });

  it('keeps announced slots when run again, and places a newly accepted meeting around them', async () => {
    const before = (await api().get(`/api/events/${eventId}/schedule`).set(agency.auth)).body
      .data as ScheduleEntryDto[];
    // The enterprise asks again the farm, which had been declined by the enterprise: it may ask anew.
    const asked = await api()
      .post(`/api/events/${eventId}/meetings`)
      .set(enterprise.auth)
      .send({ withOrganizationId: farm.organization.id });
    expect(asked.status).toBe(201);
    expect(asked.body.data.id).toBe(meetings.farmEnt);
    await api().post(`/api/events/${eventId}/meetings/${meetings.farmEnt}/accept`).set(farm.auth).expect(200);
    const run = (await api().post(`/api/events/${eventId}/schedule`).set(agency.auth)).body.data as ScheduleRunDto;
    expect(run).toMatchObject({ version: 2, placed: 3, kept: 2, moved: 0, unplaced: [] });
    const after = (await api().get(`/api/events/${eventId}/schedule`).set(agency.auth)).body.data as ScheduleEntryDto[];
    expectNoDoubleBooking(after);
    for (const b of before)
      expect(after.find((a) => a.meetingId === b.meetingId)).toMatchObject({ startsAt: b.startsAt, table: b.table });
    // Nothing changed: no new version, no announcement.
    const same = (await api().post(`/api/events/${eventId}/schedule`).set(agency.auth)).body.data as ScheduleRunDto;
    expect(same).toMatchObject({ version: 2, kept: 3, moved: 0 });
  });

  it('records attendance at the venue (the organiser), turns a held meeting into a deal in one click, and counts it', async () => {
    const path = `/api/events/${eventId}/meetings/${meetings.entInst}`;
    expect((await api().post(`${path}/attendance`).set(institute.auth).send({ attendance: 'held' })).status).toBe(403);
    expect((await api().post(`${path}/deal`).set(enterprise.auth)).status).toBe(409);
    const held = await api().post(`${path}/attendance`).set(agency.auth).send({ attendance: 'held' });
    expect(held.status).toBe(200);
    expect(held.body.data).toMatchObject({ attendance: 'held', policies: { markAttendance: true } });
    await api()
      .post(`/api/events/${eventId}/meetings/${meetings.farmInst}/attendance`)
      .set(agency.auth)
      .send({ attendance: 'no_show' })
      .expect(200);

    expect((await api().post(`${path}/deal`).set(farm.auth)).status).toBe(404);
    const deal = await api().post(`${path}/deal`).set(enterprise.auth);
    expect(deal.status).toBe(201);
    expect(deal.body.data).toMatchObject({
      stage: 'interest',
      initiator: { id: enterprise.organization.id },
      owner: { id: institute.organization.id },
      offer: { id: offerId },
    });
    const again = await api().post(`${path}/deal`).set(institute.auth);
    expect(again.status).toBe(200);
    expect(again.body.data.id).toBe(deal.body.data.id);

    // The deal is won later (step by step; the win proposed by one party, confirmed by the other); the
    // organiser's figures follow.
    const dealPath = `/api/deals/${deal.body.data.id}`;
    for (const stage of ['contacted', 'negotiation', 'agreement'])
      await api().patch(`${dealPath}/stage`).set(institute.auth).send({ stage }).expect(200);
    await api()
      .patch(`${dealPath}/stage`)
      .set(institute.auth)
      .send({
        stage: 'won',
        outcome: { contractType: 'license_non_exclusive', valueVnd: 800_000_000, date: '2026-06-01' },
      })
      .expect(200);
    await api().post(`${dealPath}/stage/confirm`).set(enterprise.auth).send({ stage: 'won' }).expect(200);
    expect((await api().get(`/api/events/${eventId}/stats`).set(institute.auth)).status).toBe(403);
    const stats = await api().get(`/api/events/${eventId}/stats`).set(agency.auth);
    expect(stats.body.data).toEqual({
      participants: 3,
      meetings: { requested: 3, accepted: 3, declined: 0, cancelled: 0, scheduled: 3, held: 1, noShow: 1 },
      deals: { started: 1, won: 1, wonValueVnd: 800_000_000 },
    });
  });

  it('exports the agenda as XLSX and PDF for the organiser', async () => {
    const binary = (r: unknown, cb: (err: Error | null, body: Buffer) => void) => {
      const stream = r as NodeJS.ReadableStream;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => cb(null, Buffer.concat(chunks)));
    };
    const xlsx = await api()
      .get(`/api/events/${eventId}/schedule/export?format=xlsx`)
      .set(agency.auth)
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    // A header above the table states the event, its dates and venue, what is included and when it was exported.
    const rowsOf = async (body: Buffer) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(body as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      return {
        sheet,
        rows: Array.from({ length: sheet.rowCount }, (_, i) =>
          [1, 2, 3, 4].map((c) => sheet.getRow(i + 1).getCell(c).text),
        ),
      };
    };
    const vi = await rowsOf(xlsx.body);
    const title = brokerageDay().title;
    expect(vi.rows[0][0]).toBe(`Lịch gặp: ${title}`);
    expect(vi.rows[1][0]).toBe('Thời gian');
    expect(vi.rows[1][1]).toMatch(/^\d{2}\/\d{2}\/\d{4} 08:00 – \d{2}\/\d{2}\/\d{4} 12:00 \(Asia\/Ho_Chi_Minh\)$/);
    expect(vi.rows[2].slice(0, 2)).toEqual(['Địa điểm', 'Trung tâm Hội nghị tỉnh Thái Nguyên, Đường Hoàng Văn Thụ']);
    expect(vi.rows[3][0]).toBe('Phạm vi');
    expect(vi.rows[3][1]).toMatch(/^Toàn bộ lịch gặp đã xếp \(phiên bản \d+\): 3 cuộc gặp, \d+ tổ chức; không gồm/);
    expect(vi.rows[4][0]).toBe('Thời điểm xuất');
    expect(vi.rows[4][1]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(UTC\+7\)$/);
    expect(vi.rows[5]).toEqual(['', '', '', '']);
    expect(vi.rows[6]).toEqual(['Bắt đầu', 'Kết thúc', 'Bàn', 'Tổ chức 1']);
    expect(vi.sheet.getRow(7).font?.bold).toBe(true);
    expect(vi.rows).toHaveLength(7 + 3);
    const xlsxEn = await api()
      .get(`/api/events/${eventId}/schedule/export?format=xlsx`)
      .set(agency.auth)
      .set('Accept-Language', 'en')
      .buffer(true)
      .parse(binary);
    const en = await rowsOf(xlsxEn.body);
    expect(en.rows[0][0]).toBe(`Meeting agenda: ${title}`);
    expect(en.rows.slice(1, 5).map((r) => r[0])).toEqual(['Dates', 'Venue', 'Scope', 'Exported at']);
    expect(en.rows[3][1]).toMatch(
      /^The whole scheduled agenda \(version \d+\): 3 meetings, \d+ organisations; meeting requests not accepted or not placed are not included$/,
    );
    expect(en.rows[6][0]).toBe('Start');
    const pdf = await api()
      .get(`/api/events/${eventId}/schedule/export?format=pdf`)
      .set(agency.auth)
      .set('Accept-Language', 'en')
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    // The page text is compressed; the document's subject (uncompressed metadata) carries the same scope line.
    expect((pdf.body as Buffer).toString('latin1')).toMatch(
      /\(The whole scheduled agenda \\\(version \d+\\\): 3 meetings/,
    );
    expect((await api().get(`/api/events/${eventId}/schedule/export`).set(enterprise.auth)).status).toBe(403);
  });

  it('cancels a withdrawing participant’s meetings not yet held, frees their slots and tells the other side', async () => {
    const res = await api().delete(`/api/events/${eventId}/participants`).set(farm.auth);
    expect(res.status).toBe(204);
    const mine = await api().get(`/api/events/${eventId}/meetings`).set(enterprise.auth);
    const byId = new Map(mine.body.data.map((m: { id: string; status: string }) => [m.id, m.status]));
    expect(byId.get(meetings.farmEnt)).toBe('cancelled');
    // The no-show meeting happened (or not) already: it stays as it was.
    const all = (await api().get(`/api/events/${eventId}/schedule`).set(agency.auth)).body.data as ScheduleEntryDto[];
    expect(all.map((e) => e.meetingId).sort()).toEqual([meetings.entInst, meetings.farmInst].sort());
    await eventually(async () => {
      const cancelled = await t.models.Notification.find({
        userId: enterprise.user.id,
        type: 'event.meeting_cancelled',
      }).lean();
      expect(cancelled).toHaveLength(1);
    }, 5000);
    expect((await api().get(`/api/events/${eventId}`)).body.data.participantCount).toBe(2);
    expect((await api().delete(`/api/events/${eventId}/participants`).set(farm.auth)).status).toBe(404);
    // A withdrawn organisation is no longer someone to meet.
    const withGone = await api()
      .post(`/api/events/${eventId}/meetings`)
      .set(institute.auth)
      .send({ withOrganizationId: farm.organization.id });
    expect(withGone.status).toBe(404);
  });
});

describe('database operations of the events’ request paths', () => {
  it('are `_id` lookups and key collections only: listing, reading, registering, suggesting, meeting, scheduling', async () => {
    const event = (await api().post('/api/events').set(agency.auth).send(brokerageDay())).body.data as EventDto;
    await api().post(`/api/events/${event.id}/publish`).set(agency.auth).expect(200);
    const ops = await spy(t, async () => {
      await api().get('/api/events?province=TNG').expect(200);
      await api().get(`/api/events/${event.id}`).set(agency.auth).expect(200);
      await api()
        .post(`/api/events/${event.id}/participants`)
        .set(institute.auth)
        .send({ listingIds: [offerId] })
        .expect(201);
      await api()
        .post(`/api/events/${event.id}/participants`)
        .set(enterprise.auth)
        .send({ listingIds: [demandId] })
        .expect(201);
      await api().get(`/api/events/${event.id}/participants`).expect(200);
      await api().get(`/api/events/${event.id}/suggestions`).set(enterprise.auth).expect(200);
      const asked = await api()
        .post(`/api/events/${event.id}/meetings`)
        .set(enterprise.auth)
        .send({ withOrganizationId: institute.organization.id })
        .expect(201);
      await api().post(`/api/events/${event.id}/meetings/${asked.body.data.id}/accept`).set(institute.auth).expect(200);
      await api().post(`/api/events/${event.id}/schedule`).set(agency.auth).expect(200);
      await api().get(`/api/events/${event.id}/schedule`).set(enterprise.auth).expect(200);
      await api().get(`/api/events/${event.id}/schedule.ics`).set(enterprise.auth).expect(200);
      await api().get(`/api/events/${event.id}/meetings`).set(agency.auth).expect(200);
      await api().get(`/api/events/${event.id}/stats`).set(agency.auth).expect(200);
    });
    // The outbox's and the mail queue's own claim queries are background work; the rest must not scan.
    expect(requestScans(ops)).toEqual([]);
    expect(ops.length).toBeGreaterThan(20);
  });
});

describe('event rules', () => {
  it('refuses registration once it has closed', async () => {
    const closed = await api()
      .post('/api/events')
      .set(agency.auth)
      .send(brokerageDay({ registrationClosesAt: new Date(Date.now() - 60_000).toISOString() }));
    const id = closed.body.data.id;
    await api().post(`/api/events/${id}/publish`).set(agency.auth).expect(200);
    const late = await api()
      .post(`/api/events/${id}/participants`)
      .set(institute.auth)
      .send({ listingIds: [offerId] });
    expect(late.status).toBe(409);
  });

  it('lets an administrator organise an event of its own', async () => {
    const { buildAdmin } = await import('./helpers/factories');
    const admin = await buildAdmin(t);
    const created = await api()
      .post('/api/events')
      .set(admin.auth)
      .send(brokerageDay({ location: 'Hà Nội', online: true }));
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      organizer: { id: '', name: 'TechBridge' },
      viewer: { organizer: true },
      location: { venue: 'Hà Nội' },
      online: { url: null },
    });
    expect((await api().post(`/api/events/${created.body.data.id}/publish`).set(agency.auth)).status).toBe(404);
    expect((await api().post(`/api/events/${created.body.data.id}/publish`).set(admin.auth)).status).toBe(200);
  });
});
