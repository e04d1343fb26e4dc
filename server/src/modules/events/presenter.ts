import type {
  BoothListingDto,
  EventDto,
  EventKind,
  EventMeetingDto,
  EventParticipantDto,
  EventStatus,
  MeetingAttendance,
  MeetingStatus,
  ScheduleEntryDto,
  ScheduleRunDto,
  UnplacedReason,
} from '@techbridge/shared';
import type { AuthUser } from '../../platform/principal';
import type { Event, Meeting, Participant, Placement } from './model';
import { isOrganizer, meetingPolicies, registrationOpen, seesAll } from './policy';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
const interval = (i: { start: Date; end: Date }) => ({
  start: new Date(i.start).toISOString(),
  end: new Date(i.end).toISOString(),
});

type OrgInfo = { name: string; type: string; province: string; verified: boolean };
/** Organisations by id, as the presenters need them (loaded by view.ts, each by `_id`). */
export type OrgNames = Map<string, OrgInfo>;
const orgRef = (orgs: OrgNames, id: unknown) => ({ id: String(id), name: orgs.get(String(id))?.name ?? '' });

/** An event as one viewer sees it; `participant` says whether the viewer's organisation is registered. */
export function presentEvent(
  e: Event,
  viewer: AuthUser | null,
  parts: { participant: boolean; run?: ScheduleRunDto | null },
): EventDto {
  const location = e.location as { venue?: string; address?: string; province?: string } | null;
  return {
    id: String(e._id),
    title: e.title,
    description: e.description ?? '',
    kind: e.kind as EventKind,
    status: e.status as EventStatus,
    startsAt: new Date(e.startsAt).toISOString(),
    endsAt: new Date(e.endsAt).toISOString(),
    timezone: e.timezone,
    location: location?.venue
      ? { venue: location.venue, address: location.address ?? null, province: location.province ?? null }
      : null,
    online: e.online ? { url: e.onlineUrl ?? null } : null,
    province: e.province ?? null,
    sectors: e.sectors ?? [],
    slotMinutes: e.slotMinutes,
    tables: e.tables,
    registrationClosesAt: new Date(e.registrationClosesAt).toISOString(),
    breaks: (e.breaks ?? []).map(interval),
    organizer: { id: e.organizerOrgId ? String(e.organizerOrgId) : '', name: e.organizerName },
    participantCount: e.participantCount ?? 0,
    registrationOpen: registrationOpen(e),
    publishedAt: iso(e.publishedAt),
    viewer: { organizer: isOrganizer(viewer, e), participant: parts.participant },
    schedule: seesAll(viewer, e) ? (parts.run ?? presentRun(e, new Map(), new Map())) : null,
    createdAt: new Date(e.createdAt).toISOString(),
  };
}

/** The last scheduler run; `sides` gives each unplaced meeting's two organisations. */
export function presentRun(e: Event, sides: Map<string, [string, string]>, orgs: OrgNames): ScheduleRunDto {
  const run = e.lastRun as
    | { at: Date; placed: number; kept: number; moved: number; unplaced: { meetingId: unknown; reason: string }[] }
    | null
    | undefined;
  return {
    version: e.scheduleVersion ?? 0,
    at: iso(run?.at),
    placed: run?.placed ?? 0,
    kept: run?.kept ?? 0,
    moved: run?.moved ?? 0,
    unplaced: (run?.unplaced ?? []).map((u) => ({
      meetingId: String(u.meetingId),
      reason: u.reason as UnplacedReason,
      organizations: (sides.get(String(u.meetingId)) ?? []).map((id) => orgRef(orgs, id)),
    })),
  };
}

export function presentBoothListing(l: Participant['listings'][number]): BoothListingDto {
  return {
    id: String(l.id),
    type: l.type as 'offer' | 'demand',
    title: l.title,
    summary: l.summary ?? '',
    sectors: l.sectors ?? [],
    province: l.province ?? '',
    trl: l.trl ?? null,
  };
}

export function presentParticipant(p: Participant, orgs: OrgNames): EventParticipantDto {
  const org = orgs.get(String(p.organizationId));
  return {
    organization: {
      id: String(p.organizationId),
      name: org?.name ?? '',
      type: org?.type ?? '',
      province: org?.province ?? '',
      verified: org?.verified ?? false,
    },
    booth: p.booth,
    listings: p.listings.map(presentBoothListing),
    availability: (p.availability ?? []).map(interval),
    registeredAt: new Date(p.registeredAt).toISOString(),
  };
}

const listingRefs = (m: Meeting) =>
  (m.listings ?? []).map((l) => ({ id: String(l.id), type: l.type as 'offer' | 'demand', title: l.title ?? '' }));

export function presentMeeting(
  m: Meeting,
  e: Event,
  viewer: AuthUser | null,
  orgs: OrgNames,
  placement: Placement | undefined,
): EventMeetingDto {
  return {
    id: String(m._id),
    eventId: String(m.eventId),
    status: m.status as MeetingStatus,
    requester: orgRef(orgs, m.requesterOrgId),
    recipient: orgRef(orgs, m.recipientOrgId),
    listings: listingRefs(m),
    message: m.message ?? null,
    score: m.score ?? 0,
    slot:
      placement && m.status === 'accepted'
        ? {
            startsAt: new Date(placement.start).toISOString(),
            endsAt: new Date(placement.end).toISOString(),
            table: placement.table,
          }
        : null,
    attendance: (m.attendance ?? null) as MeetingAttendance | null,
    dealId: m.dealId ? String(m.dealId) : null,
    createdAt: new Date(m.createdAt).toISOString(),
    policies: meetingPolicies(viewer, e, m),
  };
}

export function presentScheduleEntry(p: Placement, m: Meeting, orgs: OrgNames): ScheduleEntryDto {
  return {
    meetingId: String(m._id),
    startsAt: new Date(p.start).toISOString(),
    endsAt: new Date(p.end).toISOString(),
    table: p.table,
    organizations: [orgRef(orgs, m.requesterOrgId), orgRef(orgs, m.recipientOrgId)],
    listings: listingRefs(m),
    attendance: (m.attendance ?? null) as MeetingAttendance | null,
    dealId: m.dealId ? String(m.dealId) : null,
  };
}
