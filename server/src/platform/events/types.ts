/** A map of event names to payload types (the app's is `DomainEvents` in modules/events.ts). */
// biome-ignore lint/suspicious/noExplicitAny: payloads are plain objects of any shape.
export type EventMap = { [type: string]: any };
export type EventName<M extends EventMap> = keyof M & string;

/** An event as processors receive it, typed by its name. */
export interface DomainEvent<M extends EventMap, K extends EventName<M> = EventName<M>> {
  id: string;
  type: K;
  data: M[K];
  at: Date;
  /** Deliveries tried so far, this one included. */
  attempts: number;
}

/**
 * One concern's reaction to events (search indexing, matching,
 * notifications, realtime delivery). A processor declares the events it
 * handles and must be safe to run twice for the same event: a failed
 * delivery is retried, and only the processors that had not finished run
 * again.
 */
export interface Processor<M extends EventMap> {
  name: string;
  handles: { [K in EventName<M>]?: (event: DomainEvent<M, K>) => Promise<void> };
}

/** What commands see of the event machinery: carried events, and moving them out once written. */
export interface EventRecorder<M extends EventMap> {
  /** A new event, to be written in the same update as the change it describes (see pending.ts). */
  create<K extends EventName<M>>(type: K, data: M[K]): PendingEvent;
  /**
   * After the write: moves the document's carried events to the outbox and delivers them — at once for a
   * user's write; by the delivery loop for `background` work (a bulk matching backlog), so that it never
   * crowds out what users wait for.
   */
  relay(
    source: EventSource,
    documentId: string,
    events: PendingEvent[],
    options?: { background?: boolean },
  ): Promise<void>;
}

/** An event serialised for the document that carries it (one string, so `$pullAll` removes it by value). */
export type PendingEvent = string & { readonly __pendingEvent: unique symbol };

/**
 * A collection whose documents carry the events of their own writes. The
 * outbox relay moves the events out; the sweep finds documents a crash left
 * carrying events.
 */
export interface EventSource {
  name: string;
  /** Removes the given events from the document, under the same lock as the document's other writes. */
  release(documentId: string, events: PendingEvent[]): Promise<unknown>;
  /** The events a document carries. */
  carried(documentId: string): Promise<PendingEvent[]>;
  /** Documents carrying events (a scan: run at start and by the slow sweep only). */
  carrying(): Promise<string[]>;
}
