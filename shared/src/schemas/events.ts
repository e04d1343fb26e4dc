import type { MatchReason } from '../matching/score';
import { provinceCodes, sectorCodes } from '../taxonomies';
import { objectIdSchema } from './common';
import { z } from './zod';

/**
 * Techmart fairs and B2B brokerage days (issue 17): events with exhibits,
 * meeting requests between participants and a scheduled agenda.
 */
export const eventKinds = ['techmart', 'brokerage'] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventStatuses = ['draft', 'published'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const meetingStatuses = ['requested', 'accepted', 'declined', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingAttendances = ['held', 'no_show'] as const;
export type MeetingAttendance = (typeof meetingAttendances)[number];
/** Why the scheduler could not place an accepted meeting. */
export const unplacedReasons = ['no_slots', 'no_common_time', 'participants_busy', 'tables_full'] as const;
export type UnplacedReason = (typeof unplacedReasons)[number];
/** The only time zone events use (Viet Nam has no daylight saving time: UTC+7 all year). */
export const EVENT_TIMEZONE = 'Asia/Ho_Chi_Minh';
export const EVENT_UTC_OFFSET_MINUTES = 7 * 60;
/** The longest event the scheduler plans (slots are generated for each day). */
export const MAX_EVENT_DAYS = 14;

const codeEnum = (codes: string[], key: string) => z.enum(codes as [string, ...string[]], key);
const dateTime = z.iso.datetime({ offset: true, error: 'date' });
const ms = (iso: string) => Date.parse(iso);

/** A time span given as two ISO date-times with an offset; the end after the start. */
export const intervalSchema = z
  .strictObject({ start: dateTime, end: dateTime }, 'invalid_type')
  .refine((i) => ms(i.end) > ms(i.start), { message: 'after_start', path: ['end'] });
export type IntervalInput = z.infer<typeof intervalSchema>;

/** A venue: a name, optionally an address and a province; or just the venue's name as text. */
const locationSchema = z.union(
  [
    z.string('invalid_type').trim().min(2, 'too_short').max(200, 'too_long'),
    z.strictObject(
      {
        venue: z.string('required').trim().min(2, 'too_short').max(200, 'too_long'),
        address: z.string('invalid_type').trim().max(300, 'too_long').optional(),
        province: codeEnum(provinceCodes, 'province').optional(),
      },
      'invalid_type',
    ),
  ],
  'invalid_type',
);

/** Online: `true`, or the address of the meeting room. */
const onlineSchema = z.union(
  [
    z.boolean('invalid_type'),
    z.strictObject({ url: z.url({ protocol: /^https?$/, error: 'url' }).max(500, 'too_long') }, 'invalid_type'),
  ],
  'invalid_type',
);

export const eventCreateSchema = z
  .strictObject({
    title: z.string('required').trim().min(5, 'too_short').max(200, 'too_long'),
    description: z.string('invalid_type').trim().max(5000, 'too_long').default(''),
    kind: z.enum(eventKinds, 'invalid_type'),
    startsAt: dateTime,
    endsAt: dateTime,
    timezone: z.literal(EVENT_TIMEZONE, 'timezone'),
    location: locationSchema.optional(),
    online: onlineSchema.optional(),
    /** The province the event is listed under; defaults to the venue's, then the organiser's. */
    province: codeEnum(provinceCodes, 'province').optional(),
    sectors: z.array(codeEnum(sectorCodes, 'sector'), 'invalid_type').max(5, 'too_many').default([]),
    slotMinutes: z.number('number').int('number').min(10, 'slot_minutes').max(60, 'slot_minutes'),
    tables: z.number('number').int('number').min(1, 'tables').max(200, 'tables'),
    registrationClosesAt: dateTime,
    breaks: z.array(intervalSchema, 'invalid_type').max(30, 'too_many').default([]),
  })
  .superRefine((v, ctx) => {
    const start = ms(v.startsAt);
    const end = ms(v.endsAt);
    if (!(end > start)) ctx.addIssue({ code: 'custom', message: 'after_start', path: ['endsAt'] });
    else if (end - start > MAX_EVENT_DAYS * 86_400_000)
      ctx.addIssue({ code: 'custom', message: 'too_long', path: ['endsAt'] });
    if (ms(v.registrationClosesAt) > end)
      ctx.addIssue({ code: 'custom', message: 'before_end', path: ['registrationClosesAt'] });
    if (v.location === undefined && (v.online === undefined || v.online === false))
      ctx.addIssue({ code: 'custom', message: 'location_or_online', path: ['location'] });
    v.breaks.forEach((b, i) => {
      if (ms(b.start) < start || ms(b.end) > end)
        ctx.addIssue({ code: 'custom', message: 'outside_event', path: ['breaks', i, 'start'] });
    });
  });
export type EventCreateInput = z.infer<typeof eventCreateSchema>;

export const eventListQuerySchema = z.strictObject({
  when: z.enum(['upcoming', 'past', 'all'], 'invalid_type').default('all'),
  province: codeEnum(provinceCodes, 'province').optional(),
  sector: codeEnum(sectorCodes, 'sector').optional(),
  kind: z.enum(eventKinds, 'invalid_type').optional(),
  /** Signed in: the events my organisation organises (drafts included) or takes part in. */
  mine: z.enum(['organizing', 'participating'], 'invalid_type').optional(),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

/** Registration: the organisation's own published listings are its booth; availability limits its meetings. */
export const participantRegisterSchema = z.strictObject({
  listingIds: z.array(objectIdSchema, 'invalid_type').max(10, 'too_many').default([]),
  availability: z.array(intervalSchema, 'invalid_type').max(20, 'too_many').optional(),
});
export type ParticipantRegisterInput = z.infer<typeof participantRegisterSchema>;

export const meetingRequestSchema = z.strictObject({
  withOrganizationId: objectIdSchema,
  message: z.string('invalid_type').trim().max(1000, 'too_long').optional(),
  /** Listings of either side's booth the meeting is about (defaults to the best-matching pair). */
  listingIds: z.array(objectIdSchema, 'invalid_type').max(6, 'too_many').optional(),
});
export type MeetingRequestInput = z.infer<typeof meetingRequestSchema>;

export const attendanceSchema = z.strictObject({ attendance: z.enum(meetingAttendances, 'invalid_type') });

export const agendaExportQuerySchema = z.strictObject({
  format: z.enum(['xlsx', 'pdf'], 'invalid_type').default('xlsx'),
});

// ---- What the API answers.

export interface EventOrgRef {
  id: string;
  name: string;
}

export interface IntervalDto {
  start: string;
  end: string;
}

export interface EventDto {
  id: string;
  title: string;
  description: string;
  kind: EventKind;
  status: EventStatus;
  startsAt: string;
  endsAt: string;
  timezone: string;
  location: { venue: string; address: string | null; province: string | null } | null;
  online: { url: string | null } | null;
  /** The province the event is listed under (filters). */
  province: string | null;
  sectors: string[];
  slotMinutes: number;
  tables: number;
  registrationClosesAt: string;
  breaks: IntervalDto[];
  organizer: EventOrgRef;
  participantCount: number;
  registrationOpen: boolean;
  publishedAt: string | null;
  /** What the viewer is to this event. */
  viewer: { organizer: boolean; participant: boolean };
  /** The last scheduler run (the organiser and administrators only). */
  schedule: ScheduleRunDto | null;
  createdAt: string;
}

/** A listing shown at an organisation's booth (public fields only). */
export interface BoothListingDto {
  id: string;
  type: 'offer' | 'demand';
  title: string;
  summary: string;
  sectors: string[];
  province: string;
  trl: number | null;
}

export interface EventParticipantDto {
  organization: EventOrgRef & { type: string; province: string; verified: boolean };
  booth: number;
  listings: BoothListingDto[];
  availability: IntervalDto[];
  registeredAt: string;
}

export interface EventSuggestionDto {
  organization: EventOrgRef & { type: string; province: string };
  score: number;
  reasons: MatchReason[];
  /** The strongest offer ↔ demand pair between the two booths. */
  offer: { id: string; title: string; organizationId: string };
  demand: { id: string; title: string; organizationId: string };
  /** Whether the score is the matching engine's stored match (else computed for this event). */
  stored: boolean;
  meeting: { id: string; status: MeetingStatus } | null;
}

export interface EventMeetingDto {
  id: string;
  eventId: string;
  status: MeetingStatus;
  requester: EventOrgRef;
  recipient: EventOrgRef;
  listings: { id: string; type: 'offer' | 'demand'; title: string }[];
  message: string | null;
  score: number;
  slot: { startsAt: string; endsAt: string; table: number } | null;
  attendance: MeetingAttendance | null;
  dealId: string | null;
  createdAt: string;
  policies: { accept: boolean; decline: boolean; markAttendance: boolean; startDeal: boolean };
}

export interface ScheduleEntryDto {
  meetingId: string;
  startsAt: string;
  endsAt: string;
  table: number;
  organizations: EventOrgRef[];
  listings: { id: string; type: 'offer' | 'demand'; title: string }[];
  attendance: MeetingAttendance | null;
  dealId: string | null;
}

export interface UnplacedMeetingDto {
  meetingId: string;
  reason: UnplacedReason;
  organizations: EventOrgRef[];
}

export interface ScheduleRunDto {
  version: number;
  at: string | null;
  placed: number;
  kept: number;
  moved: number;
  unplaced: UnplacedMeetingDto[];
}

export interface EventStatsDto {
  participants: number;
  meetings: {
    requested: number;
    accepted: number;
    declined: number;
    cancelled: number;
    scheduled: number;
    held: number;
    noShow: number;
  };
  deals: { started: number; won: number; wonValueVnd: number };
}
