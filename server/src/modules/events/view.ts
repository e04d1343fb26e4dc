import type { EventDto, EventStatsDto, ScheduleEntryDto } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { forbidden, notFound } from '../../platform/errors';
import type { AuthUser } from '../../platform/principal';
import { dealStore } from '../deals/store';
import { organizationStore } from '../organizations/store';
import { meetingStore } from './meetings.store';
import type { Event, Meeting, Placement } from './model';
import { canReadEvent, isMeetingSide, isOrganizer, seesAll } from './policy';
import { type OrgNames, presentEvent, presentMeeting, presentRun, presentScheduleEntry } from './presenter';
import { eventStore } from './store';

/** An event the viewer may read; anything else is a 404, so drafts do not reveal that they exist. */
export async function loadReadableEvent(ctx: AppContext, id: string, viewer: AuthUser | null): Promise<Event> {
  const event = await eventStore(ctx.db).findById(id);
  if (!event || !canReadEvent(viewer, event)) throw notFound('Event not found');
  return event;
}

/** An event for a change by its organiser: 404 if unreadable, 403 if readable but not theirs. */
export async function loadOrganizedEvent(ctx: AppContext, id: string, viewer: AuthUser): Promise<Event> {
  const event = await loadReadableEvent(ctx, id, viewer);
  if (!isOrganizer(viewer, event)) throw forbidden('Only the organiser can do this');
  return event;
}

/** An event for reading everything of it (all meetings, statistics): its organiser and administrators. */
export async function loadOverseenEvent(ctx: AppContext, id: string, viewer: AuthUser): Promise<Event> {
  const event = await loadReadableEvent(ctx, id, viewer);
  if (!seesAll(viewer, event)) throw forbidden('Only the organiser can see this');
  return event;
}

/** A meeting of the event that the viewer is a side of, or oversees; anything else is a 404. */
export async function loadVisibleMeeting(
  ctx: AppContext,
  event: Event,
  id: string,
  viewer: AuthUser,
): Promise<Meeting> {
  const meeting = await meetingStore(ctx.db).findById(id);
  if (
    !meeting ||
    String(meeting.eventId) !== String(event._id) ||
    !(isMeetingSide(viewer, meeting) || seesAll(viewer, event))
  )
    throw notFound('Meeting not found');
  return meeting;
}

/** Organisations by id (each read by `_id`). */
export async function orgNames(ctx: AppContext, ids: unknown[]): Promise<OrgNames> {
  const orgs = await organizationStore(ctx.db).mapById([...new Set(ids.map(String))]);
  return new Map(
    [...orgs].map(([id, o]) => [id, { name: o.name, type: o.type, province: o.province, verified: o.verified }]),
  );
}

/** Whether an organisation is registered for the event (its registration, by derived `_id`). */
export async function isRegistered(ctx: AppContext, eventId: unknown, orgId: string | null): Promise<boolean> {
  if (!orgId) return false;
  return (await eventStore(ctx.db).participant(eventId, orgId))?.status === 'registered';
}

/** The placements of the event's schedule, by meeting id. */
export const placementsOf = (event: Event) =>
  new Map((event.schedule as Placement[]).map((p) => [String(p.meetingId), p]));

export async function presentEventFor(ctx: AppContext, event: Event, viewer: AuthUser | null): Promise<EventDto> {
  const participant = await isRegistered(ctx, event._id, viewer?.organizationId ?? null);
  let run = null;
  if (seesAll(viewer, event)) {
    const unplaced = ((event.lastRun?.unplaced ?? []) as { meetingId: unknown }[]).map((u) => u.meetingId);
    const meetings = await meetingStore(ctx.db).findEachById(unplaced);
    const orgs = await orgNames(
      ctx,
      meetings.flatMap((m) => [m.requesterOrgId, m.recipientOrgId]),
    );
    const sides = new Map(
      meetings.map((m) => [String(m._id), [String(m.requesterOrgId), String(m.recipientOrgId)] as [string, string]]),
    );
    run = presentRun(event, sides, orgs);
  }
  return presentEvent(event, viewer, { participant, run });
}

/** A list of events for a viewer (which ones its organisation takes part in: one key read). */
export async function presentEventsFor(ctx: AppContext, events: Event[], viewer: AuthUser | null): Promise<EventDto[]> {
  const mine = viewer?.organizationId
    ? new Set(await eventStore(ctx.db).participatingIds(viewer.organizationId))
    : new Set<string>();
  return events.map((e) => presentEvent(e, viewer, { participant: mine.has(String(e._id)) }));
}

/**
 * The agenda a viewer may see: the whole schedule for the organiser and
 * administrators, a participant's own meetings otherwise (403 for anyone
 * else). Accepted meetings with a slot, in time and table order.
 */
export async function agendaFor(
  ctx: AppContext,
  event: Event,
  viewer: AuthUser,
): Promise<{ entries: ScheduleEntryDto[]; meetings: Meeting[] }> {
  const meetings = meetingStore(ctx.db);
  let list: Meeting[];
  if (seesAll(viewer, event))
    list = await meetings.findEachById((event.schedule as Placement[]).map((p) => p.meetingId));
  else if (await isRegistered(ctx, event._id, viewer.organizationId)) {
    list = await meetings.ofOrganization(event._id, viewer.organizationId);
  } else throw forbidden('Only participants and the organiser see the schedule');
  const placements = placementsOf(event);
  const placed = list
    .filter((m) => m.status === 'accepted' && placements.has(String(m._id)))
    .map((m) => ({ m, p: placements.get(String(m._id)) as Placement }))
    .sort((a, b) => new Date(a.p.start).getTime() - new Date(b.p.start).getTime() || a.p.table - b.p.table);
  const orgs = await orgNames(
    ctx,
    placed.flatMap(({ m }) => [m.requesterOrgId, m.recipientOrgId]),
  );
  return { entries: placed.map(({ m, p }) => presentScheduleEntry(p, m, orgs)), meetings: placed.map(({ m }) => m) };
}

/** The organiser's figures: participants, meetings by outcome, and the deals the meetings started. */
export async function eventStats(ctx: AppContext, event: Event): Promise<EventStatsDto> {
  const [orgIds, meetings] = await Promise.all([
    eventStore(ctx.db).participantOrgIds(event._id),
    meetingStore(ctx.db).ofEvent(event._id),
  ]);
  const placed = placementsOf(event);
  const count = (test: (m: Meeting) => boolean) => meetings.filter(test).length;
  const dealIds = meetings.filter((m) => m.dealId).map((m) => m.dealId);
  const deals = await dealStore(ctx.db).findEachById(dealIds);
  const won = deals.filter((d) => d.stage === 'won');
  return {
    participants: orgIds.length,
    meetings: {
      requested: meetings.length,
      accepted: count((m) => m.status === 'accepted'),
      declined: count((m) => m.status === 'declined'),
      cancelled: count((m) => m.status === 'cancelled'),
      scheduled: count((m) => m.status === 'accepted' && placed.has(String(m._id))),
      held: count((m) => m.attendance === 'held'),
      noShow: count((m) => m.attendance === 'no_show'),
    },
    deals: {
      started: new Set(dealIds.map(String)).size,
      won: won.length,
      wonValueVnd: won.reduce((sum, d) => sum + (d.outcome?.valueVnd ?? 0), 0),
    },
  };
}

/** Meetings as one viewer sees them (organisations each read once, slots from the event's schedule). */
export async function presentMeetingsFor(ctx: AppContext, event: Event, meetings: Meeting[], viewer: AuthUser) {
  const orgs = await orgNames(
    ctx,
    meetings.flatMap((m) => [m.requesterOrgId, m.recipientOrgId]),
  );
  const placements = placementsOf(event);
  return meetings.map((m) => presentMeeting(m, event, viewer, orgs, placements.get(String(m._id))));
}
