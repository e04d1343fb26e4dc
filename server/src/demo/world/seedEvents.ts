import { EVENT_TIMEZONE, eventCreateSchema } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { answerMeeting } from '../../modules/events/commands/answerMeeting';
import { createEvent } from '../../modules/events/commands/createEvent';
import { markAttendance } from '../../modules/events/commands/markAttendance';
import { publishEvent } from '../../modules/events/commands/publishEvent';
import { registerParticipant } from '../../modules/events/commands/registerParticipant';
import { requestMeeting } from '../../modules/events/commands/requestMeeting';
import { runSchedule } from '../../modules/events/commands/runSchedule';
import { meetingStore } from '../../modules/events/meetings.store';
import { type WorldEvent, worldEvents } from '.';
import { recordWorldProgress } from './marker';
import { isRunStopped, type WorldIds, worldObjectId } from './people';

/** The instant of `time` (Ha Noi) on the day `days` from the seeding day (in Ha Noi). */
function at(now: Date, days: number, time: string): Date {
  const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const day = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return new Date(`${day}T${time}:00+07:00`);
}

/**
 * The events (Techmarts and brokerage days) through the events commands:
 * created and published by their organiser agency, the participants
 * registered with their booths, meetings asked and answered, the schedule
 * run and, for a past event, attendance recorded. A past event is registered
 * for "as of" a few days before its registration closed. Each step finds
 * what an interrupted run wrote (the event's `_id` is its key's, a
 * registration and a meeting have derived ones) and a finished event is
 * recorded in the world's marker.
 */
export async function seedWorldEvents(ctx: AppContext, ids: WorldIds): Promise<number> {
  let seeded = 0;
  for (const e of worldEvents) {
    if (ids.progress.events?.[e.key]) {
      seeded += 1;
      continue;
    }
    try {
      await seedEvent(ctx, ids, e);
      await recordWorldProgress(ctx.db, `events.${e.key}`, true);
      seeded += 1;
    } catch (err) {
      if (isRunStopped(err)) throw err;
      ctx.log.warn({ err }, `demo world: event ${e.key} not seeded`);
    }
    ids.checkpoint('events');
  }
  return seeded;
}

async function seedEvent(ctx: AppContext, ids: WorldIds, e: WorldEvent): Promise<void> {
  const organizer = await ids.ownerOf(e.organizer);
  const days = Array.from({ length: e.days }, (_, i) => e.startsInDays + i);
  const input = eventCreateSchema.parse({
    title: e.title,
    description: e.description,
    kind: e.kind,
    startsAt: at(ids.now, e.startsInDays, e.dailyStart).toISOString(),
    endsAt: at(ids.now, e.startsInDays + e.days - 1, e.dailyEnd).toISOString(),
    timezone: EVENT_TIMEZONE,
    location: e.location,
    province: e.location.province,
    sectors: e.sectors,
    slotMinutes: e.slotMinutes,
    tables: e.tables,
    registrationClosesAt: at(ids.now, e.registrationClosesInDays, '17:00').toISOString(),
    breaks: days.flatMap((d) =>
      e.breaks.map((b) => ({ start: at(ids.now, d, b.start).toISOString(), end: at(ids.now, d, b.end).toISOString() })),
    ),
  });
  const draft = await createEvent(ctx, organizer, input, { id: worldObjectId('event', e.key) });
  const event = draft.status === 'draft' ? await publishEvent(ctx, draft) : draft;
  const past = e.registrationClosesInDays < 0;
  const asOf = past ? { now: at(ids.now, e.registrationClosesInDays - 3, '09:00') } : {};

  for (const p of e.participants) {
    const user = await ids.ownerOf(p.org);
    const listingIds = p.listings.map((k) => ids.listings.get(k)?.id).filter((id): id is string => !!id);
    await registerParticipant(ctx, user, event, { listingIds }, asOf);
  }
  const meetings = [];
  for (const m of e.meetings) {
    const [from, to] = [await ids.ownerOf(m.requester), await ids.ownerOf(m.invitee)];
    const listingIds = m.listings.map((k) => ids.listings.get(k)?.id).filter((id): id is string => !!id);
    const withOrganizationId = ids.orgs.get(m.invitee) ?? '';
    let meeting =
      (await meetingStore(ctx.db).findById(
        meetingStore(ctx.db).idOf(event._id, from.organizationId, withOrganizationId),
      )) ??
      (await requestMeeting(
        ctx,
        from,
        event,
        { withOrganizationId, message: m.message, listingIds: listingIds.length ? listingIds : undefined },
        asOf,
      ));
    if ((m.status === 'accepted' || m.status === 'declined') && meeting.status === 'requested')
      meeting = await answerMeeting(ctx, to, event, meeting, m.status, asOf);
    meetings.push({ m, meeting });
  }
  if (meetings.some(({ m }) => m.status === 'accepted')) await runSchedule(ctx, organizer, event._id);
  for (const { m, meeting } of meetings)
    if (m.attendance && meeting.attendance !== m.attendance)
      await markAttendance(ctx, organizer, event, meeting, m.attendance);
}
