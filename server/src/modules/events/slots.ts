/** A span of time in epoch milliseconds, `end` excluded. */
export interface Interval {
  start: number;
  end: number;
}

/** What an event's meeting hours are made of. */
export interface EventHours {
  startsAt: number;
  endsAt: number;
  slotMinutes: number;
  breaks: Interval[];
  /** The event's offset from UTC (Asia/Ho_Chi_Minh: +420, all year). */
  utcOffsetMinutes: number;
}

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * The meeting sessions of an event. An event within one day is one session.
 * An event over several days whose closing time of day is later than its
 * opening time of day (08:00 on the 14th to 17:00 on the 15th) meets each day
 * from the opening to the closing time (08:00–17:00 twice), not overnight;
 * otherwise (20:00 to 02:00 the next day) it is one continuous session.
 */
export function eventSessions(hours: Pick<EventHours, 'startsAt' | 'endsAt' | 'utcOffsetMinutes'>): Interval[] {
  const { startsAt, endsAt } = hours;
  if (!(endsAt > startsAt)) return [];
  const offset = hours.utcOffsetMinutes * MINUTE;
  const localStart = startsAt + offset;
  const localEnd = endsAt + offset;
  const startDay = Math.floor(localStart / DAY);
  const endDay = Math.floor(localEnd / DAY);
  const openAt = localStart - startDay * DAY;
  const closeAt = localEnd - endDay * DAY;
  if (startDay === endDay || closeAt <= openAt) return [{ start: startsAt, end: endsAt }];
  const sessions: Interval[] = [];
  for (let day = startDay; day <= endDay; day++) {
    sessions.push({ start: day * DAY + openAt - offset, end: day * DAY + closeAt - offset });
  }
  return sessions;
}

/**
 * The meeting slots of an event, in time order: each session cut into
 * `slotMinutes` pieces; a slot never overlaps a break, and the slots after a
 * break start when it ends.
 */
export function eventSlots(hours: EventHours): Interval[] {
  const length = hours.slotMinutes * MINUTE;
  if (!(length > 0)) return [];
  const breaks = [...hours.breaks].filter((b) => b.end > b.start).sort((a, b) => a.start - b.start);
  const slots: Interval[] = [];
  for (const session of eventSessions(hours)) {
    let t = session.start;
    while (t + length <= session.end) {
      const end = t + length;
      const clash = breaks.find((b) => b.start < end && b.end > t);
      if (clash) {
        t = Math.max(t + MINUTE, clash.end);
        continue;
      }
      slots.push({ start: t, end });
      t = end;
    }
  }
  return slots;
}

/** Whether a slot lies wholly inside one of the intervals (no intervals: always). */
export function within(slot: Interval, intervals: readonly Interval[] | undefined): boolean {
  if (!intervals?.length) return true;
  return intervals.some((i) => i.start <= slot.start && slot.end <= i.end);
}
