import os from 'node:os';
import { BackgroundLoop } from '../background/loop';
import { claimById } from '../claim';
import { storedAlready } from '../db';
import type { Logger } from '../logger';
import type { OutboxEntry, OutboxModel } from './model';
import { createPendingEvent, parsePendingEvent } from './pending';
import type { DomainEvent, EventMap, EventName, EventRecorder, EventSource, PendingEvent, Processor } from './types';

/** How long a claimed event may stay unprocessed before another instance takes it over. */
const CLAIM_TIMEOUT_MS = 30_000;
const MAX_ATTEMPTS = 8;
/** Events the poll delivers at a time (deliveries are independent of each other). */
const CONCURRENCY = 4;
/** Events delivered right away by the instance that wrote them, at most this many at a time. */
const MAX_IMMEDIATE = 16;
/** How often documents are checked for events a crash left in them (a scan per source). Also once at start. */
const SWEEP_MS = 15 * 60_000;

/**
 * The outbox. A write carries its event in the document it changes (one
 * single-document update: the event cannot be lost without the change);
 * right after, `relay` moves the event here and delivers it at once to
 * every processor that handles its type. A processor that fails is retried
 * with back-off, alone (the others' success is kept), on this instance or,
 * once the claim expires, on another. Documents a crash left carrying events
 * are found by the sweep (at start, then every 15 minutes).
 */
export class Outbox<M extends EventMap> implements EventRecorder<M> {
  private readonly processors: Processor<M>[] = [];
  private readonly sources = new Map<string, EventSource>();
  /** Documents whose relay failed (database away): retried by the loop. */
  private readonly stranded = new Map<string, { source: EventSource; id: string }>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Events this instance stored for the loop, oldest first: claimed by `_id`, without reading the outbox. */
  private readonly waiting: string[] = [];
  /** When a read of the outbox last found nothing to claim. */
  private lastEmptyRead = 0;
  private readonly pollMs: number;
  private readonly loop: BackgroundLoop;
  private sweepDue = 0;
  private readonly instance = `${os.hostname()}:${process.pid}`;

  constructor(
    private readonly model: OutboxModel,
    private readonly log: Logger,
    options: { pollMs?: number } = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.loop = new BackgroundLoop({
      name: 'event delivery',
      log,
      pollMs: this.pollMs,
      pass: () => this.pass(),
    });
  }

  /** Adds a processor; events are offered to processors in the order they were added. */
  register(processor: Processor<M>): void {
    this.processors.push(processor);
  }

  /** Adds a collection whose documents carry events (found by the sweep after a crash). */
  addSource(source: EventSource): void {
    this.sources.set(source.name, source);
  }

  create<K extends EventName<M>>(type: K, data: M[K]): PendingEvent {
    return createPendingEvent<M, K>(type, data);
  }

  async relay(
    source: EventSource,
    documentId: string,
    events: PendingEvent[],
    options: { background?: boolean } = {},
  ): Promise<void> {
    if (!events.length) return;
    // Background work, or busy (a bulk write): the loop delivers them instead.
    const immediate = !options.background && this.inFlight.size < MAX_IMMEDIATE;
    let fresh: OutboxEntry[];
    try {
      fresh = await this.move(source, documentId, events, immediate);
    } catch (err) {
      // The document still carries the events: the loop moves them once the database answers.
      this.log.warn({ err: (err as Error).message, source: source.name }, 'event relay deferred');
      this.stranded.set(`${source.name}:${documentId}`, { source, id: documentId });
      this.loop.wake(500);
      return;
    }
    if (!immediate) {
      this.waiting.push(...fresh.map((e) => e._id));
      return this.loop.wake();
    }
    for (const entry of fresh) {
      const delivery = this.deliver(entry).catch((err) =>
        this.log.warn({ err: (err as Error).message }, 'event delivery deferred'),
      );
      this.inFlight.add(delivery);
      void delivery.finally(() => this.inFlight.delete(delivery));
    }
  }

  /**
   * Stores the events in the outbox (claimed by this instance when `claim`),
   * then takes them off the document. Resolves with the entries this call
   * stored (an event moved earlier, by a sweep say, is stored once).
   */
  private async move(source: EventSource, id: string, events: PendingEvent[], claim: boolean): Promise<OutboxEntry[]> {
    const now = new Date();
    const entries: OutboxEntry[] = events.map((e) => {
      const { id: eventId, type, data, at } = parsePendingEvent(e);
      return {
        _id: eventId,
        type,
        data,
        at,
        done: [],
        claimedAt: claim ? now : null,
        attempts: claim ? 1 : 0,
        lastError: null,
      };
    });
    const failed = new Set<number>();
    try {
      await this.model.insertMany(entries, { ordered: false });
    } catch (err) {
      for (const i of storedAlready(err)) failed.add(i);
    }
    await source.release(id, events);
    return entries.filter((_, i) => !failed.has(i));
  }

  /** Runs the event through every processor that handles it and has not done so yet; deletes it when all have. */
  private async deliver(entry: OutboxEntry): Promise<void> {
    const event = {
      id: entry._id,
      type: entry.type,
      data: entry.data,
      at: entry.at,
      attempts: entry.attempts,
    } as DomainEvent<M>;
    const done = new Set(entry.done);
    const errors: string[] = [];
    for (const processor of this.processors) {
      const handler = processor.handles[event.type as EventName<M>] as
        | ((e: DomainEvent<M>) => Promise<void>)
        | undefined;
      if (!handler || done.has(processor.name)) continue;
      try {
        await handler(event);
        done.add(processor.name);
      } catch (err) {
        errors.push(`${processor.name}: ${(err as Error).message}`);
        this.log.error(
          { err, eventId: event.id, type: event.type, processor: processor.name, instance: this.instance },
          'event processor failed',
        );
      }
    }
    if (!errors.length) {
      await this.model.deleteOne({ _id: entry._id });
      return;
    }
    if ((entry.attempts ?? 1) >= MAX_ATTEMPTS)
      this.log.error({ eventId: event.id, type: event.type }, `event given up after ${MAX_ATTEMPTS} attempts`);
    // Released after the back-off, for the processors that failed only.
    const retryAt = new Date(Date.now() - CLAIM_TIMEOUT_MS + Math.min(5_000, 500 * 2 ** (entry.attempts ?? 1)));
    await this.model.updateOne(
      { _id: entry._id },
      { $set: { done: [...done], claimedAt: retryAt, lastError: errors.join('; ').slice(0, 2000) } },
    );
    this.loop.wake(Math.min(5_000, 500 * 2 ** (entry.attempts ?? 1)));
  }

  /** Claims the oldest deliverable event (several instances may share the outbox). */
  private async claim(): Promise<OutboxEntry | null> {
    const now = new Date();
    return this.model
      .findOneAndUpdate(
        {
          attempts: { $lt: MAX_ATTEMPTS },
          $or: [{ claimedAt: null }, { claimedAt: { $lt: new Date(now.getTime() - CLAIM_TIMEOUT_MS) } }],
        },
        { $set: { claimedAt: now }, $inc: { attempts: 1 } },
        { sort: { at: 1 }, new: true },
      )
      .lean<OutboxEntry>();
  }

  /** One pass of the loop: stranded relays, the sweep when due, then every deliverable event. */
  private async pass(): Promise<boolean> {
    for (const [key, { source, id }] of this.stranded) {
      this.waiting.push(...(await this.move(source, id, await source.carried(id), false)).map((e) => e._id));
      this.stranded.delete(key);
    }
    if (this.sweepDue <= Date.now()) {
      this.sweepDue = Date.now() + SWEEP_MS;
      await this.sweep();
    }
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let entry = await this.next(); entry; entry = await this.next()) await this.deliver(entry);
      }),
    );
    return false;
  }

  /**
   * The next event to deliver: those this instance stored, each claimed by
   * `_id`; then (a retry, another instance's event, one a restart left) the
   * oldest deliverable one, found by reading the outbox.
   */
  private async next(): Promise<OutboxEntry | null> {
    for (let id = this.waiting.shift(); id !== undefined; id = this.waiting.shift()) {
      const entry = await claimById(this.model, id, CLAIM_TIMEOUT_MS, (e) => (e.attempts ?? 0) < MAX_ATTEMPTS);
      if (entry) return entry;
    }
    // The outbox is read at most once a poll interval while it has nothing for this instance.
    if (Date.now() - this.lastEmptyRead < this.pollMs) return null;
    const entry = await this.claim();
    if (!entry) this.lastEmptyRead = Date.now();
    return entry;
  }

  /** Moves the events of every document that still carries some (what a crash between write and relay left). */
  private async sweep(): Promise<void> {
    let found = 0;
    for (const source of this.sources.values()) {
      for (const id of await source.carrying()) {
        const events = await source.carried(id);
        found += (await this.move(source, id, events, false)).length;
      }
    }
    if (found) this.log.warn({ found }, 'events left in documents by an interrupted write were moved to the outbox');
  }

  /** The next pass sweeps the sources first (the database is back after an outage). */
  sweepSoon(): void {
    this.sweepDue = 0;
    this.loop.wake();
  }

  /** Resolves once nothing is left to deliver (tests, scripts, shutdown). */
  async settled(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await Promise.allSettled([...this.inFlight]);
      await this.loop.run().catch(() => undefined);
      const waiting = await this.model.exists({ attempts: { $lt: MAX_ATTEMPTS } });
      if (!waiting && !this.stranded.size && !this.inFlight.size) return;
      if (Date.now() > deadline) throw new Error('events did not settle in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Starts the loop: a slow poll for events of other instances, retries and the sweep. */
  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await Promise.allSettled([...this.inFlight]);
  }
}
