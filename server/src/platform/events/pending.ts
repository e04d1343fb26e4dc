import { Types } from 'mongoose';
import type { EventMap, EventName, PendingEvent } from './types';

/**
 * The field every event-carrying schema adds. A write pushes its event here
 * in the same single-document update as the change (FerretDB has no
 * transactions, so this is how an event and its change are written
 * together); the outbox relay moves it out right after.
 */
export const pendingEventsField = { pendingEvents: { type: [String], default: undefined } } as const;

export function createPendingEvent<M extends EventMap, K extends EventName<M>>(type: K, data: M[K]): PendingEvent {
  return JSON.stringify({
    id: new Types.ObjectId().toHexString(),
    type,
    data,
    at: new Date().toISOString(),
  }) as PendingEvent;
}

export function parsePendingEvent(event: PendingEvent): { id: string; type: string; data: unknown; at: Date } {
  const parsed = JSON.parse(event) as { id: string; type: string; data: unknown; at: string };
  return { ...parsed, at: new Date(parsed.at) };
}

/**
 * An update that also carries events: they are pushed onto the document's
 * `pendingEvents` in the same single-document write (merged with any other
 * `$push` of the update).
 */
export function carry<U extends Record<string, unknown>>(update: U, events: PendingEvent[]): U {
  if (!events.length) return update;
  const push = (update.$push ?? {}) as Record<string, unknown>;
  return { ...update, $push: { ...push, pendingEvents: { $each: events } } };
}
