import type { MeetingStatus } from '@techbridge/shared';
import type { AppContext } from '../../context';
import type { Processor } from '../../platform/events/types';
import type { DomainEvents } from '../domainEvents';
import { membersOf, notifyUsers } from '../notifications/notify';
import { organizationStore } from '../organizations/store';
import { meetingStore } from './meetings.store';
import type { Meeting } from './model';
import { eventStore } from './store';

/** Each organisation's meetings among the given ones. */
function byOrganization(meetings: Meeting[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of meetings) {
    for (const org of [String(m.requesterOrgId), String(m.recipientOrgId)]) {
      out.set(org, [...(out.get(org) ?? []), String(m._id)]);
    }
  }
  return out;
}

/**
 * Live updates of events: a changed meeting reaches both sides (and the
 * organising organisation's console), a schedule change each organisation
 * whose meetings moved, with the ids of its own. Re-read at delivery; a
 * repeated push is harmless (clients refetch).
 */
export function eventsLiveProcessor(ctx: AppContext): Processor<DomainEvents> {
  return {
    name: 'events-realtime',
    handles: {
      async 'event.meeting_changed'(e) {
        const [event, meeting] = await Promise.all([
          eventStore(ctx.db).findById(e.data.eventId),
          meetingStore(ctx.db).findById(e.data.meetingId),
        ]);
        if (!event || !meeting) return;
        const payload = {
          eventId: e.data.eventId,
          meetingId: e.data.meetingId,
          status: meeting.status as MeetingStatus,
        };
        const orgs = new Set([String(meeting.requesterOrgId), String(meeting.recipientOrgId)]);
        if (event.organizerOrgId) orgs.add(String(event.organizerOrgId));
        for (const org of orgs) ctx.realtime.toOrg(org, 'event:meeting', payload);
      },
      async 'event.schedule_changed'(e) {
        const event = await eventStore(ctx.db).findById(e.data.eventId);
        if (!event) return;
        const meetings = await meetingStore(ctx.db).findEachById(e.data.meetingIds);
        for (const [org, ids] of byOrganization(meetings))
          ctx.realtime.toOrg(org, 'event:schedule', {
            eventId: e.data.eventId,
            version: e.data.version,
            meetingIds: ids,
          });
        if (event.organizerOrgId)
          ctx.realtime.toOrg(String(event.organizerOrgId), 'event:schedule', {
            eventId: e.data.eventId,
            version: e.data.version,
            meetingIds: e.data.meetingIds,
          });
      },
    },
  };
}

/**
 * What meetings and schedule changes leave in inboxes: the invited side
 * hears of a request, the asking side of the answer, the other side of a
 * cancellation, and each organisation whose meetings moved of its new
 * agenda (once per schedule version). Keys derive from the event, so a
 * retried delivery notifies nobody twice.
 */
export function eventsNotificationsProcessor(ctx: AppContext): Processor<DomainEvents> {
  return {
    name: 'events-notifications',
    handles: {
      async 'event.meeting_changed'(e) {
        const { change } = e.data;
        if (!['requested', 'accepted', 'declined', 'cancelled'].includes(change)) return;
        const [event, meeting] = await Promise.all([
          eventStore(ctx.db).findById(e.data.eventId),
          meetingStore(ctx.db).findById(e.data.meetingId),
        ]);
        if (!event || !meeting) return;
        const orgs = await organizationStore(ctx.db).mapById([meeting.requesterOrgId, meeting.recipientOrgId]);
        const name = (id: unknown) => orgs.get(String(id))?.name ?? '';
        const base = { eventId: String(event._id), eventTitle: event.title, meetingId: String(meeting._id) };
        const key = (userId: string) => `${e.id}:${userId}`;
        if (change === 'requested') {
          const members = await membersOf(ctx, [meeting.recipientOrgId]);
          await notifyUsers(
            ctx,
            members.map((m) => m.id),
            'event.meeting_request',
            { ...base, from: name(meeting.requesterOrgId), score: meeting.score },
            key,
          );
        } else if (change === 'accepted' || change === 'declined') {
          const members = await membersOf(ctx, [meeting.requesterOrgId]);
          await notifyUsers(
            ctx,
            members.map((m) => m.id),
            'event.meeting_answer',
            { ...base, answer: change, by: name(meeting.recipientOrgId) },
            key,
          );
        } else {
          const members = await membersOf(ctx, [meeting.requesterOrgId, meeting.recipientOrgId]);
          const actor = members.find((m) => m.id === e.data.byUserId)?.organizationId;
          const others = members.filter((m) => m.organizationId !== actor);
          await notifyUsers(
            ctx,
            others.map((m) => m.id),
            'event.meeting_cancelled',
            { ...base, by: name(actor) },
            key,
          );
        }
      },
      async 'event.schedule_changed'(e) {
        const event = await eventStore(ctx.db).findById(e.data.eventId);
        if (!event) return;
        const meetings = await meetingStore(ctx.db).findEachById(e.data.meetingIds);
        for (const [org, ids] of byOrganization(meetings)) {
          const members = await membersOf(ctx, [org]);
          await notifyUsers(
            ctx,
            members.map((m) => m.id),
            'event.schedule',
            { eventId: String(event._id), eventTitle: event.title, version: e.data.version, count: ids.length },
            (userId) => `${e.id}:${userId}`,
          );
        }
      },
    },
  };
}
