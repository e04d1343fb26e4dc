import { EVENT_UTC_OFFSET_MINUTES, type Lang, type ScheduleEntryDto } from '@techbridge/shared';
import { createPdf, pdfBuffer } from '../../platform/files/pdf';
import { exportTime } from '../../platform/files/tables';
import { buildCalendar, type CalendarEntry } from './ics';
import type { Event } from './model';

/** A date-time as the venue's clock reads it: `14/05/2026 08:00`. */
export function venueTime(iso: string | Date): string {
  const local = new Date(new Date(iso).getTime() + EVENT_UTC_OFFSET_MINUTES * 60_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}
const clock = (iso: string) => venueTime(iso).slice(11);

const words = {
  vi: {
    start: 'Bắt đầu',
    end: 'Kết thúc',
    table: 'Bàn',
    first: 'Tổ chức 1',
    second: 'Tổ chức 2',
    listings: 'Công nghệ / nhu cầu',
    attendance: 'Có mặt',
    held: 'Đã gặp',
    no_show: 'Vắng mặt',
    agenda: 'Lịch gặp',
    with: 'Gặp',
    none: 'Chưa có cuộc gặp nào được xếp lịch.',
    online: 'Trực tuyến',
    when: 'Thời gian',
    where: 'Địa điểm',
    scope: 'Phạm vi',
    scopeText: (meetings: number, orgs: number, version: number) =>
      `Toàn bộ lịch gặp đã xếp (phiên bản ${version}): ${meetings} cuộc gặp, ${orgs} tổ chức; không gồm các yêu cầu gặp chưa được chấp nhận hoặc chưa xếp chỗ`,
    exportedAt: 'Thời điểm xuất',
  },
  en: {
    start: 'Start',
    end: 'End',
    table: 'Table',
    first: 'Organisation 1',
    second: 'Organisation 2',
    listings: 'Technologies / demands',
    attendance: 'Attendance',
    held: 'Held',
    no_show: 'No-show',
    agenda: 'Meeting agenda',
    with: 'Meeting',
    none: 'No meeting has been scheduled yet.',
    online: 'Online',
    when: 'Dates',
    where: 'Venue',
    scope: 'Scope',
    scopeText: (meetings: number, orgs: number, version: number) =>
      `The whole scheduled agenda (version ${version}): ${meetings} meetings, ${orgs} organisations; meeting requests not accepted or not placed are not included`,
    exportedAt: 'Exported at',
  },
};

const venue = (e: Event, lang: Lang) =>
  [e.location?.venue, e.location?.address, e.online ? (e.onlineUrl ?? words[lang].online) : null]
    .filter(Boolean)
    .join(', ');

/**
 * What an agenda export covers, in the reader's language: the event, its dates
 * and venue, what is included (the scope) and when the file was made.
 */
export function agendaHeader(event: Event, entries: ScheduleEntryDto[], lang: Lang, now: Date): [string, string][] {
  const w = words[lang];
  const orgs = new Set(entries.flatMap((e) => e.organizations.map((o) => o.id))).size;
  const place = venue(event, lang);
  return [
    [w.when, `${venueTime(event.startsAt)} – ${venueTime(event.endsAt)} (${event.timezone})`],
    ...(place ? [[w.where, place] as [string, string]] : []),
    [w.scope, w.scopeText(entries.length, orgs, event.scheduleVersion ?? 0)],
    [w.exportedAt, exportTime(now)],
  ];
}

/** The lines above the XLSX table: the agenda's title, then the header above, then a blank row. */
export function agendaPreamble(event: Event, entries: ScheduleEntryDto[], lang: Lang, now: Date): string[][] {
  return [[`${words[lang].agenda}: ${event.title}`], ...agendaHeader(event, entries, lang, now), []];
}

/** The agenda as table rows (header first), for the XLSX export. */
export function agendaRows(entries: ScheduleEntryDto[], lang: Lang): (string | number | null)[][] {
  const w = words[lang];
  return [
    [w.start, w.end, w.table, w.first, w.second, w.listings, w.attendance],
    ...entries.map((e) => [
      venueTime(e.startsAt),
      venueTime(e.endsAt),
      e.table,
      e.organizations[0]?.name ?? '',
      e.organizations[1]?.name ?? '',
      e.listings.map((l) => l.title).join(' | '),
      e.attendance ? w[e.attendance] : '',
    ]),
  ];
}

/** The agenda as a PDF (Be Vietnam Pro, so every Vietnamese mark prints), grouped by slot. */
export async function agendaPdf(event: Event, entries: ScheduleEntryDto[], lang: Lang, now: Date): Promise<Buffer> {
  const w = words[lang];
  const header = agendaHeader(event, entries, lang, now);
  const scope = header.find(([label]) => label === w.scope)?.[1] ?? '';
  const doc = createPdf({ title: `${w.agenda}: ${event.title}`, subject: scope });
  doc.font('bold').fontSize(16).text(event.title);
  doc.font('regular').fontSize(10).fillColor('#444');
  for (const [label, value] of header) doc.text(`${label}: ${value}`);
  doc.moveDown();
  doc.fillColor('#000');
  if (!entries.length) doc.fontSize(11).text(w.none);
  let slot = '';
  for (const e of entries) {
    const key = `${e.startsAt}`;
    if (key !== slot) {
      slot = key;
      doc
        .moveDown(0.5)
        .font('bold')
        .fontSize(12)
        .text(`${venueTime(e.startsAt)} – ${clock(e.endsAt)}`);
    }
    doc
      .font('regular')
      .fontSize(10)
      .text(`${w.table} ${e.table}: ${e.organizations.map((o) => o.name).join(' — ')}`, { indent: 12 });
    if (e.listings.length)
      doc
        .fillColor('#555')
        .fontSize(9)
        .text(e.listings.map((l) => l.title).join(' · '), { indent: 24 })
        .fillColor('#000');
  }
  return pdfBuffer(doc);
}

/** The agenda as an iCalendar file: one entry per meeting, named for the viewer's counterpart. */
export function agendaCalendar(event: Event, entries: ScheduleEntryDto[], viewerOrgId: string | null, lang: Lang) {
  const w = words[lang];
  const place = venue(event, lang);
  const items: CalendarEntry[] = entries.map((e) => {
    const others = e.organizations.filter((o) => o.id !== viewerOrgId);
    const names = (others.length ? others : e.organizations).map((o) => o.name).join(' — ');
    return {
      uid: `event-meeting-${e.meetingId}@techbridge`,
      start: new Date(e.startsAt),
      end: new Date(e.endsAt),
      summary: `${w.with}: ${names} (${w.table.toLowerCase()} ${e.table})`,
      location: [place, `${w.table} ${e.table}`].filter(Boolean).join(', '),
      description: [
        event.title,
        e.organizations.map((o) => o.name).join(' — '),
        ...e.listings.map((l) => l.title),
      ].join('\n'),
      sequence: event.scheduleVersion ?? 0,
    };
  });
  return buildCalendar(`${event.title} — ${w.agenda}`, items);
}
