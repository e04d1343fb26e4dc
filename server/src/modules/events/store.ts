import { defineStore, findEachById, isDuplicateKey } from '../../platform/db';
import { carry } from '../../platform/events/pending';
import { collectionEventSource } from '../../platform/events/source';
import type { PendingEvent } from '../../platform/events/types';
import { keyIndex } from '../../platform/keyIndex';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import { type Event, type EventModel, type Participant, type ParticipantModel, participantId } from './model';

/** The key of administrators' own events in the organisers' key collection. */
export const ADMIN_ORGANIZER = 'admin';

/**
 * Every query on events and their registrations: `_id` lookups (a
 * registration's id is derived from its event and organisation) and key
 * collections (published events, an organiser's events, an organisation's
 * events, an event's participants). Nothing filters these collections.
 */
export const eventStore = defineStore((connection) => {
  const Event = connection.model('Event') as EventModel;
  const Participant = connection.model('EventParticipant') as ParticipantModel;
  const published = keyIndex(connection, 'PublishedEvents');
  const organizers = keyIndex(connection, 'OrganizerEvents');
  const participating = keyIndex(connection, 'ParticipantEvents');
  const participantIds = keyIndex(connection, 'EventParticipantIds');
  /**
   * Writes to one event (publication, registrations and their booth numbers,
   * scheduler runs) go through its lock: FerretDB applies updates as
   * read-modify-write, and the rules are checked on what is read under it.
   */
  const perEvent = keyedMutex();

  return {
    events: collectionEventSource('events', Event, perEvent),

    /** Runs work on an event under its lock. */
    withEvent: <T>(id: unknown, work: () => Promise<T>) => perEvent(String(id), work),

    findById: (id: unknown) => Event.findById(id).lean<Event>(),
    findEachById: (ids: unknown[]) => findEachById<Event>(Event, ids, undefined, 16),

    /** A new event; with a chosen `_id` (the demo world's) a second call returns the one stored already. */
    async create(doc: Record<string, unknown>, organizerKey: string): Promise<Event> {
      let created: Event;
      try {
        created = (await Event.create(doc)).toObject() as Event;
      } catch (err) {
        const existing =
          doc._id !== undefined && isDuplicateKey(err) ? await Event.findById(doc._id).lean<Event>() : null;
        if (!existing) throw err;
        created = existing;
      }
      await organizers.add(organizerKey, [String(created._id)]);
      return created;
    },
    /** A write by `_id`, carrying events; the caller holds the event's lock. Resolves with the event afterwards. */
    update: (id: unknown, update: Record<string, unknown>, events: PendingEvent[] = []) =>
      Event.findByIdAndUpdate(id, carry(update, events), { new: true }).lean<Event>(),
    /** The event joins the public list. */
    listPublished: (id: unknown) => published.add('all', [String(id)]),
    publishedIds: () => published.get('all'),
    /** The events an organisation (or, under ADMIN_ORGANIZER, the administrators) organises. */
    organizedIds: (key: string) => organizers.get(key),
    /** The events an organisation is registered for. */
    participatingIds: (orgId: string) => participating.get(orgId),

    // ---- Registrations

    participant: (eventId: unknown, orgId: unknown) =>
      Participant.findById(participantId(eventId, orgId)).lean<Participant>(),
    /** The organisations registered for an event (its key collection). */
    participantOrgIds: (eventId: unknown) => participantIds.get(String(eventId)),
    /** The event's registrations (its key, then each by derived `_id`); withdrawn ones are left out. */
    async participantsOf(eventId: unknown): Promise<Participant[]> {
      const orgIds = await participantIds.get(String(eventId));
      const found = await findEachById<Participant>(
        Participant,
        orgIds.map((o) => participantId(eventId, o)),
        undefined,
        16,
      );
      return found.filter((p) => p.status === 'registered');
    },
    /** Stores a registration (new or changed) under its derived id; the caller holds the event's lock. */
    async saveParticipant(doc: Record<string, unknown> & { eventId: unknown; organizationId: unknown }) {
      const _id = participantId(doc.eventId, doc.organizationId);
      const saved = await Participant.findOneAndUpdate(
        { _id },
        { $set: doc },
        { upsert: true, new: true, runValidators: true },
      ).lean<Participant>();
      await Promise.all([
        participantIds.add(String(doc.eventId), [String(doc.organizationId)]),
        participating.add(String(doc.organizationId), [String(doc.eventId)]),
      ]);
      return saved as Participant;
    },
    /** Marks a registration withdrawn and takes it off the event's and the organisation's keys. */
    async withdrawParticipant(eventId: unknown, orgId: unknown): Promise<void> {
      await Participant.updateOne(
        { _id: participantId(eventId, orgId) },
        { $set: { status: 'withdrawn', withdrawnAt: new Date() } },
      );
      await Promise.all([
        participantIds.remove(String(eventId), [String(orgId)]),
        participating.remove(String(orgId), [String(eventId)]),
      ]);
    },
  };
});

export type EventStore = ReturnType<typeof eventStore>;
