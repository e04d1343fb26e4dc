import { defineStore, findEachById, isDuplicateKey } from '../../platform/db';
import { carry } from '../../platform/events/pending';
import { collectionEventSource } from '../../platform/events/source';
import type { PendingEvent } from '../../platform/events/types';
import { keyIndex } from '../../platform/keyIndex';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import { type Meeting, type MeetingModel, meetingId } from './model';

/**
 * Every query on meetings: by `_id` (derived from the event and the pair of
 * organisations) and through the key collection of an event's meetings and
 * of each organisation's meetings at an event.
 */
export const meetingStore = defineStore((connection) => {
  const Meeting = connection.model('EventMeeting') as MeetingModel;
  const byEvent = keyIndex(connection, 'EventMeetingIds');
  const perMeeting = keyedMutex();

  return {
    meetings: collectionEventSource('eventmeetings', Meeting, perMeeting),

    /** Runs work on a meeting under its lock (every write to a meeting does). */
    withMeeting: <T>(id: unknown, work: () => Promise<T>) => perMeeting(String(id), work),

    /** The `_id` of the meeting of two organisations at an event (derived: the same whichever asks). */
    idOf: (eventId: unknown, orgA: unknown, orgB: unknown) => meetingId(eventId, orgA, orgB),
    findById: (id: unknown) => Meeting.findById(id).lean<Meeting>(),
    findEachById: (ids: unknown[]) => findEachById<Meeting>(Meeting, ids, undefined, 16),
    /** Every meeting of an event (its key, then each by `_id`). */
    async ofEvent(eventId: unknown): Promise<Meeting[]> {
      return findEachById<Meeting>(Meeting, await byEvent.get(String(eventId)), undefined, 16);
    },
    /** An organisation's meetings at an event (its key, then each by `_id`). */
    async ofOrganization(eventId: unknown, orgId: unknown): Promise<Meeting[]> {
      return findEachById<Meeting>(Meeting, await byEvent.get(`${eventId}:${orgId}`), undefined, 16);
    },

    /**
     * Stores a new meeting under its derived id, carrying its events;
     * resolves false when the pair's meeting exists already. The caller holds the meeting's lock.
     */
    async insert(
      doc: Record<string, unknown> & {
        _id: unknown;
        eventId: unknown;
        requesterOrgId: unknown;
        recipientOrgId: unknown;
      },
      events: PendingEvent[],
    ): Promise<boolean> {
      // Keys first: a crash in between leaves a key naming no meeting (skipped), never a meeting no key names.
      const id = String(doc._id);
      await Promise.all([
        byEvent.add(String(doc.eventId), [id]),
        byEvent.add(`${doc.eventId}:${doc.requesterOrgId}`, [id]),
        byEvent.add(`${doc.eventId}:${doc.recipientOrgId}`, [id]),
      ]);
      try {
        await Meeting.create({ ...doc, pendingEvents: events });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    /** A write by `_id`, carrying events; the caller holds the meeting's lock. Resolves with the meeting afterwards. */
    update: (id: unknown, update: Record<string, unknown>, events: PendingEvent[] = []) =>
      Meeting.findByIdAndUpdate(id, carry(update, events), { new: true }).lean<Meeting>(),
  };
});

export type MeetingStore = ReturnType<typeof meetingStore>;
