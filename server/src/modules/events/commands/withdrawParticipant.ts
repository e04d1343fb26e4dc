import type { AppContext } from '../../../context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import type { PendingEvent } from '../../../platform/events/types';
import type { AuthUser } from '../../../platform/principal';
import { meetingStore } from '../meetings.store';
import type { Event, Placement } from '../model';
import { meetingsOpen } from '../policy';
import { eventStore } from '../store';

/**
 * Withdraws the caller's organisation from an event: its meetings not yet
 * held are cancelled (each side hears of it) and leave the schedule (a
 * schedule change, announced like a scheduler run).
 */
export async function withdrawParticipant(ctx: AppContext, user: AuthUser, event: Event): Promise<void> {
  const orgId = user.organizationId;
  if (!orgId) throw forbidden('Only members of an organisation take part in events');
  if (!meetingsOpen(event)) throw conflict('The event is over');
  const store = eventStore(ctx.db);
  const meetings = meetingStore(ctx.db);
  const announced = await store.withEvent(event._id, async () => {
    const participant = await store.participant(event._id, orgId);
    if (participant?.status !== 'registered') throw notFound('Your organisation is not registered for this event');
    await store.withdrawParticipant(event._id, orgId);
    await store.update(event._id, { $inc: { participantCount: -1 } });
    const ids: string[] = [];
    for (const m of await meetings.ofOrganization(event._id, orgId)) {
      if (!['requested', 'accepted'].includes(m.status) || m.attendance) continue;
      const events = [
        ctx.events.create('event.meeting_changed', {
          eventId: String(event._id),
          meetingId: String(m._id),
          change: 'cancelled',
          byUserId: user.id,
        }),
      ];
      const updated = await meetings.withMeeting(m._id, () =>
        meetings.update(m._id, { $set: { status: 'cancelled' } }, events),
      );
      if (updated) await ctx.events.relay(meetings.meetings, String(m._id), events);
      ids.push(String(m._id));
    }
    // Their slots are freed: the schedule changes.
    const current = (await store.findById(event._id)) ?? event;
    const gone = new Set(ids);
    const schedule = (current.schedule as Placement[]).filter((p) => !gone.has(String(p.meetingId)));
    if (schedule.length === current.schedule.length) return [] as PendingEvent[];
    const version = (current.scheduleVersion ?? 0) + 1;
    const removed = (current.schedule as Placement[])
      .filter((p) => gone.has(String(p.meetingId)))
      .map((p) => String(p.meetingId));
    const events: PendingEvent[] = [
      ctx.events.create('event.schedule_changed', { eventId: String(event._id), version, meetingIds: removed }),
    ];
    await store.update(event._id, { $set: { schedule, scheduleVersion: version } }, events);
    return events;
  });
  // After the lock: releasing the carried events takes it too.
  await ctx.events.relay(store.events, String(event._id), announced);
}
