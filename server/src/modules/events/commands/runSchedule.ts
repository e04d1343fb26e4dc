import { EVENT_UTC_OFFSET_MINUTES } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { notFound } from '../../../platform/errors';
import type { PendingEvent } from '../../../platform/events/types';
import type { AuthUser } from '../../../platform/principal';
import { meetingStore } from '../meetings.store';
import type { Event, Placement } from '../model';
import { type ScheduleResult, scheduleMeetings } from '../scheduler';
import { eventSlots, type Interval } from '../slots';
import { eventStore } from '../store';

/**
 * Runs the scheduler over the event's accepted meetings and stores the
 * schedule on the event in one write, carrying the announcement of the
 * meetings whose slot or table changed (none: no announcement). Slots
 * already announced stay where they still can (see scheduler.ts).
 */
export async function runSchedule(
  ctx: AppContext,
  user: AuthUser,
  eventId: unknown,
): Promise<{ event: Event; result: ScheduleResult; changed: string[] }> {
  const store = eventStore(ctx.db);
  const meetings = meetingStore(ctx.db);
  const run = await store.withEvent(eventId, async () => {
    const event = await store.findById(eventId);
    if (!event) throw notFound('Event not found');
    const [participants, all] = await Promise.all([store.participantsOf(event._id), meetings.ofEvent(event._id)]);
    const availability = new Map<string, Interval[]>(
      participants.map((p) => [
        String(p.organizationId),
        (p.availability ?? []).map((i) => ({ start: new Date(i.start).getTime(), end: new Date(i.end).getTime() })),
      ]),
    );
    const registered = new Set(availability.keys());
    const previous = new Map((event.schedule as Placement[]).map((p) => [String(p.meetingId), p]));
    const accepted = all.filter(
      (m) =>
        m.status === 'accepted' && registered.has(String(m.requesterOrgId)) && registered.has(String(m.recipientOrgId)),
    );
    const slots = eventSlots({
      startsAt: new Date(event.startsAt).getTime(),
      endsAt: new Date(event.endsAt).getTime(),
      slotMinutes: event.slotMinutes,
      breaks: (event.breaks ?? []).map((b) => ({ start: new Date(b.start).getTime(), end: new Date(b.end).getTime() })),
      utcOffsetMinutes: EVENT_UTC_OFFSET_MINUTES,
    });
    const result = scheduleMeetings({
      slots,
      tables: event.tables,
      availability,
      meetings: accepted.map((m) => {
        const current = previous.get(String(m._id));
        return {
          id: String(m._id),
          orgs: [String(m.requesterOrgId), String(m.recipientOrgId)] as const,
          score: m.score ?? 0,
          arrival: new Date(m.answeredAt ?? m.requestedAt).getTime(),
          current: current ? { start: new Date(current.start).getTime(), table: current.table } : null,
        };
      }),
    });
    const schedule = result.placements.map((p) => ({
      meetingId: p.meetingId,
      start: new Date(p.start),
      end: new Date(p.end),
      table: p.table,
    }));
    const next = new Map(schedule.map((p) => [p.meetingId, p]));
    const changed = [...new Set([...previous.keys(), ...next.keys()])].filter((id) => {
      const a = previous.get(id);
      const b = next.get(id);
      return !a || !b || new Date(a.start).getTime() !== b.start.getTime() || a.table !== b.table;
    });
    const version = (event.scheduleVersion ?? 0) + (changed.length ? 1 : 0);
    const events: PendingEvent[] = changed.length
      ? [ctx.events.create('event.schedule_changed', { eventId: String(event._id), version, meetingIds: changed })]
      : [];
    const updated = await store.update(
      event._id,
      {
        $set: {
          schedule,
          scheduleVersion: version,
          lastRun: {
            at: new Date(),
            byUserId: user.id,
            placed: result.placements.length,
            kept: result.kept,
            moved: result.moved,
            unplaced: result.unplaced,
          },
        },
      },
      events,
    );
    if (!updated) throw notFound('Event not found');
    return { event: updated, result, changed, events };
  });
  // After the lock: releasing the carried events takes it too.
  await ctx.events.relay(store.events, String(run.event._id), run.events);
  return { event: run.event, result: run.result, changed: run.changed };
}
