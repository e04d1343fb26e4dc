import { type ScheduleResult, type SchedulerInput, type SchedulerMeeting, scheduleMeetings } from './scheduler';
import { eventSessions, eventSlots, type Interval } from './slots';

const MIN = 60_000;
const HOUR = 60 * MIN;
const OFFSET = 7 * 60;
/** 2026-05-14 00:00 in Ha Noi, as epoch ms. */
const DAY1 = Date.parse('2026-05-14T00:00:00+07:00');
const at = (h: number, m = 0, day = 0) => DAY1 + day * 24 * HOUR + h * HOUR + m * MIN;
const hm = (t: number) => new Date(t + OFFSET * MIN).toISOString().slice(11, 16);

/** One morning, 08:00–10:00, 20-minute slots: 6 slots. */
const morning = eventSlots({
  startsAt: at(8),
  endsAt: at(10),
  slotMinutes: 20,
  breaks: [],
  utcOffsetMinutes: OFFSET,
});

let seq = 0;
const meeting = (a: string, b: string, score = 70, extra: Partial<SchedulerMeeting> = {}): SchedulerMeeting => ({
  id: `m${String(++seq).padStart(4, '0')}`,
  orgs: [a, b],
  score,
  arrival: seq,
  ...extra,
});

/** Every rule a schedule must keep, whatever the input. */
function expectValid(input: SchedulerInput, result: ScheduleResult) {
  const byId = new Map(input.meetings.map((m) => [m.id, m]));
  const orgSlots = new Set<string>();
  const tableSlots = new Set<string>();
  for (const p of result.placements) {
    const m = byId.get(p.meetingId)!;
    expect(p.table).toBeGreaterThanOrEqual(1);
    expect(p.table).toBeLessThanOrEqual(input.tables);
    expect(input.slots[p.slot]).toEqual({ start: p.start, end: p.end });
    const tableKey = `${p.slot}:${p.table}`;
    expect(tableSlots.has(tableKey)).toBe(false);
    tableSlots.add(tableKey);
    for (const org of m.orgs) {
      const key = `${p.slot}:${org}`;
      expect(orgSlots.has(key)).toBe(false);
      orgSlots.add(key);
      const intervals = input.availability?.get(org);
      if (intervals?.length) expect(intervals.some((i) => i.start <= p.start && p.end <= i.end)).toBe(true);
    }
  }
  const placed = new Set(result.placements.map((p) => p.meetingId));
  const unplaced = new Set(result.unplaced.map((u) => u.meetingId));
  expect(placed.size).toBe(result.placements.length);
  expect(placed.size + unplaced.size).toBe(input.meetings.length);
  for (const id of placed) expect(unplaced.has(id)).toBe(false);
}

describe('event slots', () => {
  it('cuts one day into slots and skips breaks, starting again when a break ends', () => {
    const slots = eventSlots({
      startsAt: at(8),
      endsAt: at(12),
      slotMinutes: 20,
      breaks: [{ start: at(9, 50), end: at(10, 15) }],
      utcOffsetMinutes: OFFSET,
    });
    expect(slots.map((s) => hm(s.start))).toEqual([
      '08:00',
      '08:20',
      '08:40',
      '09:00',
      '09:20',
      '10:15',
      '10:35',
      '10:55',
      '11:15',
      '11:35',
    ]);
    for (const s of slots) expect(s.end - s.start).toBe(20 * MIN);
  });

  it('meets each day from the opening to the closing time over several days, not overnight', () => {
    const hours = { startsAt: at(8), endsAt: at(17, 0, 1), utcOffsetMinutes: OFFSET };
    expect(eventSessions(hours)).toEqual([
      { start: at(8), end: at(17) },
      { start: at(8, 0, 1), end: at(17, 0, 1) },
    ]);
    const slots = eventSlots({ ...hours, slotMinutes: 30, breaks: [{ start: at(12), end: at(13) }] });
    // 9 hours a day minus the lunch break on the first day.
    expect(slots).toHaveLength(18 - 2 + 18);
    expect(slots.every((s) => hm(s.start) >= '08:00' && hm(s.end) <= '17:00')).toBe(true);
    // An evening event that ends after midnight is one continuous session.
    expect(eventSessions({ startsAt: at(20), endsAt: at(2, 0, 1), utcOffsetMinutes: OFFSET })).toEqual([
      { start: at(20), end: at(2, 0, 1) },
    ]);
  });

  it('has no slot when the hours are shorter than a slot or all breaks', () => {
    expect(
      eventSlots({ startsAt: at(8), endsAt: at(8, 15), slotMinutes: 20, breaks: [], utcOffsetMinutes: OFFSET }),
    ).toEqual([]);
    expect(
      eventSlots({
        startsAt: at(8),
        endsAt: at(9),
        slotMinutes: 20,
        breaks: [{ start: at(8), end: at(9) }],
        utcOffsetMinutes: OFFSET,
      }),
    ).toEqual([]);
  });
});

describe('the meeting scheduler', () => {
  it('never gives one organisation two meetings at once', () => {
    const meetings = [meeting('A', 'B'), meeting('A', 'C'), meeting('A', 'D'), meeting('B', 'C')];
    const input = { slots: morning, tables: 10, meetings };
    const result = scheduleMeetings(input);
    expectValid(input, result);
    expect(result.unplaced).toEqual([]);
    const slotsOfA = result.placements.filter((p) => meetings.find((m) => m.id === p.meetingId)!.orgs.includes('A'));
    expect(new Set(slotsOfA.map((p) => p.slot)).size).toBe(3);
  });

  it('never seats two meetings at one table, and no more meetings in a slot than there are tables', () => {
    const meetings = [meeting('A', 'B'), meeting('C', 'D'), meeting('E', 'F'), meeting('G', 'H')];
    const input = { slots: morning.slice(0, 2), tables: 1, meetings };
    const result = scheduleMeetings(input);
    expectValid(input, result);
    expect(result.placements.map((p) => [p.slot, p.table])).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(result.unplaced.map((u) => u.reason)).toEqual(['tables_full', 'tables_full']);
  });

  it('places meetings only inside both sides’ availability', () => {
    const meetings = [meeting('A', 'B'), meeting('A', 'C')];
    const availability = new Map<string, Interval[]>([
      ['A', [{ start: at(9), end: at(10) }]],
      ['C', [{ start: at(9, 20), end: at(9, 40) }]],
    ]);
    const input = { slots: morning, tables: 5, meetings, availability };
    const result = scheduleMeetings(input);
    expectValid(input, result);
    const start = (id: string) => hm(result.placements.find((p) => p.meetingId === id)!.start);
    expect(start(meetings[0].id)).toBe('09:00');
    expect(start(meetings[1].id)).toBe('09:20');
  });

  it('keeps meetings within the event’s hours and outside its breaks', () => {
    const slots = eventSlots({
      startsAt: at(8),
      endsAt: at(17, 0, 1),
      slotMinutes: 30,
      breaks: [
        { start: at(12), end: at(13, 30) },
        { start: at(12, 0, 1), end: at(13, 30, 1) },
      ],
      utcOffsetMinutes: OFFSET,
    });
    const orgs = Array.from({ length: 12 }, (_, i) => `O${i}`);
    const meetings = orgs.flatMap((a, i) => orgs.slice(i + 1).map((b) => meeting(a, b, 50 + ((i * 7) % 50))));
    const input = { slots, tables: 4, meetings };
    const result = scheduleMeetings(input);
    expectValid(input, result);
    for (const p of result.placements) {
      expect(hm(p.start) >= '08:00' && hm(p.end) <= '17:00').toBe(true);
      expect(hm(p.end) <= '12:00' || hm(p.start) >= '13:30').toBe(true);
    }
  });

  it('places the strongest matches first when an organisation has more meetings than slots', () => {
    const slots = morning.slice(0, 2);
    const weak = meeting('A', 'B', 56);
    const strong = meeting('A', 'C', 92);
    const middle = meeting('A', 'D', 74);
    const input = { slots, tables: 5, meetings: [weak, strong, middle] };
    const result = scheduleMeetings(input);
    expectValid(input, result);
    expect(result.placements.map((p) => p.meetingId)).toEqual([strong.id, middle.id]);
    expect(result.unplaced).toEqual([{ meetingId: weak.id, reason: 'participants_busy' }]);
    // First come, first served would have kept the weakest.
    const fcfs = scheduleMeetings(input, { order: 'arrival', repair: false });
    expect(fcfs.placements.map((p) => p.meetingId)).toEqual([weak.id, strong.id]);
  });

  it('keeps slots already announced on a re-run, placing new meetings around them', () => {
    const first = [meeting('A', 'B', 60), meeting('C', 'D', 65), meeting('A', 'C', 70)];
    const input = { slots: morning, tables: 2, meetings: first };
    const run1 = scheduleMeetings(input);
    expectValid(input, run1);
    const announced = new Map(run1.placements.map((p) => [p.meetingId, { start: p.start, table: p.table }]));
    // A new, stronger meeting of A arrives; the announced ones keep their slot and table.
    const again = [...first.map((m) => ({ ...m, current: announced.get(m.id) })), meeting('A', 'D', 99)];
    const input2 = { slots: morning, tables: 2, meetings: again };
    const run2 = scheduleMeetings(input2);
    expectValid(input2, run2);
    for (const p of run1.placements) {
      expect(run2.placements.find((q) => q.meetingId === p.meetingId)).toMatchObject({
        start: p.start,
        table: p.table,
      });
    }
    expect(run2.kept).toBe(3);
    expect(run2.moved).toBe(0);
    expect(run2.unplaced).toEqual([]);
    // Without keeping, the newcomer (strongest) would take the first slot and move the others.
    const fresh = scheduleMeetings(input2, { keep: false });
    expect(fresh.placements[0].meetingId).toBe(again[3].id);
    expect(fresh.moved).toBeGreaterThan(0);
  });

  it('moves an announced meeting only when its slot is no longer valid (availability changed, tables removed)', () => {
    const m1 = meeting('A', 'B', 80, { current: { start: morning[0].start, table: 1 } });
    const m2 = meeting('C', 'D', 70, { current: { start: morning[0].start, table: 2 } });
    const m3 = meeting('E', 'F', 60, { current: { start: morning[1].start, table: 1 } });
    const availability = new Map<string, Interval[]>([['B', [{ start: morning[2].start, end: morning[5].end }]]]);
    const input = { slots: morning, tables: 1, meetings: [m1, m2, m3], availability };
    const result = scheduleMeetings(input);
    expectValid(input, result);
    const where = (id: string) => result.placements.find((p) => p.meetingId === id)!;
    // B is no longer free at 08:00: A–B moves to the first slot B can make.
    expect(hm(where(m1.id).start)).toBe('08:40');
    // Table 2 is gone: C–D keeps 08:00 at table 1.
    expect(where(m2.id)).toMatchObject({ start: morning[0].start, table: 1 });
    expect(where(m3.id)).toMatchObject({ start: morning[1].start, table: 1 });
    expect(result.kept).toBe(1);
    expect(result.moved).toBe(2);
  });

  it('repairs what the greedy pass leaves: moves a meeting placed in this run to make room', () => {
    // Two slots, two tables; E can meet only in the first. Strongest first, A–B and C–D take the first
    // slot, and E–B finds B busy there. The repair moves A–B to the second slot, so all three meet.
    const slots = morning.slice(0, 2);
    const ab = meeting('A', 'B', 90);
    const cd = meeting('C', 'D', 85);
    const eb = meeting('E', 'B', 60);
    const availability = new Map<string, Interval[]>([['E', [{ start: slots[0].start, end: slots[0].end }]]]);
    const input = { slots, tables: 2, meetings: [ab, cd, eb], availability };
    const greedy = scheduleMeetings(input, { repair: false });
    expect(greedy.unplaced.map((u) => u.meetingId)).toEqual([eb.id]);
    const repaired = scheduleMeetings(input);
    expectValid(input, repaired);
    expect(repaired.unplaced).toEqual([]);
    const where = (id: string) => repaired.placements.find((p) => p.meetingId === id)!.slot;
    expect([where(ab.id), where(eb.id)]).toEqual([1, 0]);
  });

  it('never moves an announced meeting to make room for a new one', () => {
    const slots = morning.slice(0, 2);
    const ab = meeting('A', 'B', 90, { current: { start: slots[0].start, table: 1 } });
    const eb = meeting('E', 'B', 95);
    const availability = new Map<string, Interval[]>([['E', [{ start: slots[0].start, end: slots[0].end }]]]);
    const input = { slots, tables: 2, meetings: [ab, eb], availability };
    const result = scheduleMeetings(input);
    expectValid(input, result);
    expect(result.kept).toBe(1);
    expect(result.unplaced).toEqual([{ meetingId: eb.id, reason: 'participants_busy' }]);
  });

  it('says why a meeting could not be placed', () => {
    const slots = morning.slice(0, 1);
    const disjoint = meeting('A', 'B');
    const busyPair = meeting('C', 'D', 90);
    const busyToo = meeting('C', 'E', 80);
    const crowded = meeting('F', 'G', 70);
    const availability = new Map<string, Interval[]>([
      ['A', [{ start: at(8), end: at(8, 20) }]],
      ['B', [{ start: at(9), end: at(10) }]],
    ]);
    const input = { slots, tables: 1, meetings: [disjoint, busyPair, busyToo, crowded], availability };
    const result = scheduleMeetings(input);
    expectValid(input, result);
    const reasons = Object.fromEntries(result.unplaced.map((u) => [u.meetingId, u.reason]));
    expect(reasons).toEqual({
      [disjoint.id]: 'no_common_time',
      [busyToo.id]: 'participants_busy',
      [crowded.id]: 'tables_full',
    });
    const none = scheduleMeetings({ slots: [], tables: 3, meetings: [meeting('A', 'B')] });
    expect(none.unplaced.map((u) => u.reason)).toEqual(['no_slots']);
  });

  it('is valid on a large random event, for both orders', () => {
    let state = 42;
    const rand = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const orgs = Array.from({ length: 60 }, (_, i) => `org${i}`);
    const meetings: SchedulerMeeting[] = [];
    const pairs = new Set<string>();
    while (meetings.length < 300) {
      const a = orgs[Math.floor(rand() * orgs.length)];
      const b = orgs[Math.floor(rand() * orgs.length)];
      const key = [a, b].sort().join(':');
      if (a === b || pairs.has(key)) continue;
      pairs.add(key);
      meetings.push(meeting(a, b, Math.round(55 + rand() * 45)));
    }
    const availability = new Map<string, Interval[]>(
      orgs.filter(() => rand() < 0.3).map((o) => [o, [{ start: morning[0].start, end: morning[3].end }]]),
    );
    const input = { slots: morning, tables: 15, meetings, availability };
    const strongest = scheduleMeetings(input);
    const fcfs = scheduleMeetings(input, { order: 'arrival', repair: false });
    expectValid(input, strongest);
    expectValid(input, fcfs);
    const total = (r: ScheduleResult) =>
      r.placements.reduce((sum, p) => sum + meetings.find((m) => m.id === p.meetingId)!.score, 0);
    expect(total(strongest)).toBeGreaterThan(total(fcfs));
  });
});
