import type { UnplacedReason } from '@techbridge/shared';
import { type Interval, within } from './slots';

/** An accepted meeting to place. */
export interface SchedulerMeeting {
  id: string;
  /** The two organisations that meet. */
  orgs: readonly [string, string];
  /** The strength of the pair's match (0–100): stronger meetings are placed first. */
  score: number;
  /** When it was accepted (epoch ms): the first-come order, and ties between equal scores. */
  arrival: number;
  /** The slot and table announced by an earlier run, if any. */
  current?: { start: number; table: number } | null;
}

export interface SchedulerInput {
  /** The event's slots in time order (see slots.ts). */
  slots: readonly Interval[];
  /** Tables at the venue, numbered from 1. */
  tables: number;
  meetings: readonly SchedulerMeeting[];
  /** When each organisation can meet; an organisation without intervals can meet throughout. */
  availability?: ReadonlyMap<string, readonly Interval[]>;
}

export interface SchedulerOptions {
  /** `strength`: strongest match first (the default); `arrival`: first come, first served. */
  order?: 'strength' | 'arrival';
  /** Keep announced slots where they are still valid (default true). */
  keep?: boolean;
  /** After the greedy pass, move meetings placed in this run to make room for unplaced ones (default true). */
  repair?: boolean;
}

export interface SchedulerPlacement {
  meetingId: string;
  /** Index into the input's slots. */
  slot: number;
  start: number;
  end: number;
  table: number;
}

export interface ScheduleResult {
  /** Placed meetings in slot, then table order. */
  placements: SchedulerPlacement[];
  unplaced: { meetingId: string; reason: UnplacedReason }[];
  /** Meetings that had an announced slot and table and keep both. */
  kept: number;
  /** Meetings that had an announced slot or table and got another one. */
  moved: number;
}

const FREE = -1;
/** Bound on the repair phase's slot checks, so a huge event still schedules in bounded time. */
const REPAIR_BUDGET = 20_000_000;

/**
 * Gives accepted meetings a slot and a table. A pure function of its input.
 *
 * Rules, always: no organisation has two meetings in one slot; no table has
 * two meetings in one slot (tables 1…`tables`); a meeting sits in a slot
 * inside both sides' availability (slots already exclude breaks and the
 * hours outside the event).
 *
 * Order: meetings with an announced slot keep it (and their table) while it
 * is still valid, strongest first when two announced slots now collide; the
 * others are placed strongest match first (ties: earlier accepted first),
 * each in the earliest slot where both sides and a table are free. Then a
 * repair pass takes each meeting left over, strongest first, and looks for a
 * slot where the meetings in its way (placed in this run, never announced
 * ones) can move elsewhere, so placing it drops nothing. What is still left
 * gets the reason it could not be placed.
 */
export function scheduleMeetings(input: SchedulerInput, options: SchedulerOptions = {}): ScheduleResult {
  const { slots, meetings } = input;
  const order = options.order ?? 'strength';
  const keep = options.keep ?? true;
  const repair = options.repair ?? true;
  const S = slots.length;
  const T = Math.max(0, Math.floor(input.tables));
  const M = meetings.length;

  // Organisations as small integers; per organisation and slot: available? busy with which meeting?
  const orgIndex = new Map<string, number>();
  const orgOf = (id: string) => {
    let i = orgIndex.get(id);
    if (i === undefined) {
      i = orgIndex.size;
      orgIndex.set(id, i);
    }
    return i;
  };
  const sideA = new Int32Array(M);
  const sideB = new Int32Array(M);
  meetings.forEach((m, i) => {
    sideA[i] = orgOf(m.orgs[0]);
    sideB[i] = orgOf(m.orgs[1]);
  });
  const O = orgIndex.size;
  const available = new Uint8Array(O * S).fill(1);
  for (const [org, i] of orgIndex) {
    const intervals = input.availability?.get(org);
    if (!intervals?.length) continue;
    for (let s = 0; s < S; s++) available[i * S + s] = within(slots[s], intervals) ? 1 : 0;
  }
  const busy = new Int32Array(O * S).fill(FREE);
  const tableAt = new Int32Array(S * T).fill(FREE);
  const tablesUsed = new Int32Array(S);
  const slotOf = new Int32Array(M).fill(FREE);
  const tableOf = new Int32Array(M).fill(0);
  /** Placed from an announced slot kept as it was: never moved by the repair pass. */
  const pinned = new Uint8Array(M);
  const slotByStart = new Map(slots.map((s, i) => [s.start, i]));

  const fits = (m: number, s: number) =>
    available[sideA[m] * S + s] === 1 &&
    available[sideB[m] * S + s] === 1 &&
    busy[sideA[m] * S + s] === FREE &&
    busy[sideB[m] * S + s] === FREE;
  const freeTable = (s: number, preferred: number) => {
    if (preferred >= 1 && preferred <= T && tableAt[s * T + preferred - 1] === FREE) return preferred;
    for (let t = 0; t < T; t++) if (tableAt[s * T + t] === FREE) return t + 1;
    return 0;
  };
  const place = (m: number, s: number, table: number) => {
    busy[sideA[m] * S + s] = m;
    busy[sideB[m] * S + s] = m;
    tableAt[s * T + table - 1] = m;
    tablesUsed[s]++;
    slotOf[m] = s;
    tableOf[m] = table;
  };
  const unplace = (m: number) => {
    const s = slotOf[m];
    busy[sideA[m] * S + s] = FREE;
    busy[sideB[m] * S + s] = FREE;
    tableAt[s * T + tableOf[m] - 1] = FREE;
    tablesUsed[s]--;
    slotOf[m] = FREE;
    tableOf[m] = 0;
  };
  const previousTable = (m: number) => meetings[m].current?.table ?? 0;
  /** The earliest slot (other than `except`) where the meeting and a table fit. */
  const earliest = (m: number, except = FREE) => {
    for (let s = 0; s < S; s++) if (s !== except && tablesUsed[s] < T && fits(m, s)) return s;
    return FREE;
  };

  const ranked = [...meetings.keys()].sort((x, y) => {
    const a = meetings[x];
    const b = meetings[y];
    if (order === 'strength' && a.score !== b.score) return b.score - a.score;
    if (a.arrival !== b.arrival) return a.arrival - b.arrival;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });

  // 1. Announced slots stay where they still can (strongest first when two collide).
  if (keep) {
    for (const m of ranked) {
      const current = meetings[m].current;
      const s = current ? slotByStart.get(current.start) : undefined;
      if (s === undefined || tablesUsed[s] >= T || !fits(m, s)) continue;
      place(m, s, freeTable(s, current?.table ?? 0));
      if (tableOf[m] === current?.table) pinned[m] = 1;
    }
  }
  // 2. The rest, in order, each in its earliest slot.
  for (const m of ranked) {
    if (slotOf[m] !== FREE) continue;
    const s = earliest(m);
    if (s !== FREE) place(m, s, freeTable(s, previousTable(m)));
  }
  // 3. Repair: make room for what is left by moving meetings placed in this run.
  if (repair && T > 0) {
    let budget = REPAIR_BUDGET;
    for (let pass = 0, improved = true; pass < 3 && improved && budget > 0; pass++) {
      improved = false;
      for (const m of ranked) {
        if (slotOf[m] !== FREE || budget <= 0) continue;
        for (let s = 0; s < S && slotOf[m] === FREE; s++) {
          if (available[sideA[m] * S + s] !== 1 || available[sideB[m] * S + s] !== 1) continue;
          budget -= S;
          if (makeRoom(m, s)) improved = true;
        }
      }
    }
  }

  /** Tries to place `m` in `s` by moving the meetings in its way (one per side, or one for a table) elsewhere. */
  function makeRoom(m: number, s: number): boolean {
    const blockers = [...new Set([busy[sideA[m] * S + s], busy[sideB[m] * S + s]].filter((b) => b !== FREE))];
    if (blockers.some((b) => pinned[b])) return false;
    if (!blockers.length && tablesUsed[s] < T) {
      place(m, s, freeTable(s, previousTable(m)));
      return true;
    }
    if (!blockers.length) {
      // Every table is taken by others: move one of them.
      for (let t = 0; t < T; t++) {
        const other = tableAt[s * T + t];
        if (pinned[other]) continue;
        const to = earliest(other, s);
        if (to === FREE) continue;
        unplace(other);
        place(other, to, freeTable(to, previousTable(other)));
        place(m, s, freeTable(s, previousTable(m)));
        return true;
      }
      return false;
    }
    const moves: { meeting: number; from: number; table: number }[] = [];
    for (const b of blockers) {
      moves.push({ meeting: b, from: slotOf[b], table: tableOf[b] });
      unplace(b);
    }
    // The meeting takes `s` first, so the blockers cannot come back to it.
    if (tablesUsed[s] < T && fits(m, s)) {
      place(m, s, freeTable(s, previousTable(m)));
      const targets = moves.map((move) => {
        const to = earliest(move.meeting, s);
        if (to !== FREE) place(move.meeting, to, freeTable(to, previousTable(move.meeting)));
        return to;
      });
      if (targets.every((to) => to !== FREE)) return true;
      // Undo: the blockers go back where they were.
      moves.forEach((move, i) => {
        if (targets[i] !== FREE) unplace(move.meeting);
      });
      unplace(m);
    }
    for (const move of moves) place(move.meeting, move.from, move.table);
    return false;
  }

  // Results.
  const placements: SchedulerPlacement[] = [];
  const unplaced: ScheduleResult['unplaced'] = [];
  let kept = 0;
  let moved = 0;
  for (let m = 0; m < M; m++) {
    const current = meetings[m].current;
    const s = slotOf[m];
    if (s === FREE) {
      unplaced.push({ meetingId: meetings[m].id, reason: reasonFor(m) });
      continue;
    }
    placements.push({
      meetingId: meetings[m].id,
      slot: s,
      start: slots[s].start,
      end: slots[s].end,
      table: tableOf[m],
    });
    if (current) {
      if (current.start === slots[s].start && current.table === tableOf[m]) kept++;
      else moved++;
    }
  }
  placements.sort((a, b) => a.slot - b.slot || a.table - b.table);
  return { placements, unplaced, kept, moved };

  /** Why a meeting has no slot, judged on the final schedule. */
  function reasonFor(m: number): UnplacedReason {
    if (!S || !T) return 'no_slots';
    let common = false;
    for (let s = 0; s < S; s++) {
      if (available[sideA[m] * S + s] !== 1 || available[sideB[m] * S + s] !== 1) continue;
      common = true;
      if (busy[sideA[m] * S + s] === FREE && busy[sideB[m] * S + s] === FREE) return 'tables_full';
    }
    return common ? 'participants_busy' : 'no_common_time';
  }
}
