import type { EventMeetingDto, EventParticipantDto, Lang, MeetingStatus, ScheduleEntryDto } from '@techbridge/shared';

/** Events run on the venue's clock: Viet Nam (UTC+7 all year), whatever the reader's own time zone. */
export const VENUE_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const format = (iso: string, lang: Lang, options: Intl.DateTimeFormatOptions) => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[lang], { timeZone: VENUE_TIME_ZONE, ...options }).format(date);
};

/** "14 thg 5, 2026, 08:00" at the venue. */
export const venueDateTime = (iso: string, lang: Lang) =>
  format(iso, lang, { dateStyle: 'medium', timeStyle: 'short' });
/** "Thứ Năm, 14 tháng 5" at the venue. */
export const venueDay = (iso: string, lang: Lang) =>
  format(iso, lang, { weekday: 'long', day: 'numeric', month: 'long' });
/** "08:20" at the venue. */
export const venueClock = (iso: string, lang: Lang) =>
  format(iso, lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
/** "08:20–08:40". */
export const venueRange = (start: string, end: string, lang: Lang) =>
  `${venueClock(start, lang)}–${venueClock(end, lang)}`;

/** The venue's calendar day of an instant ("2026-05-14"). */
export function venueDate(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A `datetime-local` value ("2026-05-14T08:00"), read as venue time, to an ISO date-time with its offset. */
export function fromLocalInput(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : value;
}

/** An instant as a `datetime-local` value on the venue's clock. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** The event's dates in one line: a single day, or a span of days. */
export function eventWhen(startsAt: string, endsAt: string, lang: Lang): string {
  if (venueDate(startsAt) === venueDate(endsAt))
    return `${format(startsAt, lang, { dateStyle: 'full' })}, ${venueRange(startsAt, endsAt, lang)}`;
  return `${venueDateTime(startsAt, lang)} – ${venueDateTime(endsAt, lang)}`;
}

/** Agenda entries grouped by venue day, in time order. */
export function byDay<T extends Pick<ScheduleEntryDto, 'startsAt'>>(
  entries: readonly T[],
): { day: string; entries: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const e of [...entries].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = venueDate(e.startsAt);
    groups.set(day, [...(groups.get(day) ?? []), e]);
  }
  return [...groups].map(([day, list]) => ({ day, entries: list }));
}

/** The organisation a meeting is with, from one side's point of view. */
export function counterpartOf<T extends { id: string; name: string }>(
  orgs: readonly T[],
  mine: string | null | undefined,
) {
  return orgs.find((o) => o.id !== mine) ?? orgs[0];
}

export type MatrixCell = {
  meetingId: string;
  status: MeetingStatus;
  scheduled: boolean;
  attendance: string | null;
} | null;

/**
 * The organiser's meeting matrix: one row and one column per participant (by
 * booth), each cell the meeting of the two, if any (the same in both halves).
 */
export function meetingMatrix(
  participants: readonly EventParticipantDto[],
  meetings: readonly EventMeetingDto[],
): { orgs: { id: string; name: string; booth: number }[]; cell: (a: string, b: string) => MatrixCell } {
  const orgs = [...participants]
    .sort((a, b) => a.booth - b.booth)
    .map((p) => ({ id: p.organization.id, name: p.organization.name, booth: p.booth }));
  const byPair = new Map<string, MatrixCell>();
  for (const m of meetings) {
    const key = [m.requester.id, m.recipient.id].sort().join(':');
    byPair.set(key, { meetingId: m.id, status: m.status, scheduled: !!m.slot, attendance: m.attendance });
  }
  return { orgs, cell: (a, b) => (a === b ? null : (byPair.get([a, b].sort().join(':')) ?? null)) };
}
