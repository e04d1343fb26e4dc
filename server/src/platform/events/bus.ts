import os from 'node:os';
import type { Db } from '../db';
import type { Logger } from '../logger';
import type { DomainEvent } from './model';

export type EventHandler = (event: DomainEvent) => Promise<void>;

/** How long a claimed event may stay unprocessed before another instance takes it over. */
const CLAIM_TIMEOUT_MS = 30_000;
const MAX_ATTEMPTS = 8;
const CONCURRENCY = 4;
/** Events delivered right away by the instance that recorded them, at most this many at a time. */
const MAX_IMMEDIATE = 16;

/**
 * The one events module. Writers `record()` an event after their write; the
 * bus claims events atomically (several instances may share the database),
 * runs the handler for the type, and deletes the delivered event. A failing
 * handler is retried with back-off; handlers must be idempotent.
 */
export class EventBus {
  private handlers = new Map<string, EventHandler>();
  private requested = false;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  private readonly instance = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  on(type: string, handler: EventHandler): void {
    this.handlers.set(type, handler);
  }

  /**
   * Persists the event already claimed by this instance and delivers it at
   * once, without waiting behind older events. If this process dies before
   * it is processed, the claim expires and the poll (here or on another
   * instance) delivers it.
   */
  async record(type: string, data: Record<string, unknown>): Promise<void> {
    // Busy (a bulk import, say): queue it for the drain loop instead of delivering at once.
    if (!this.poll || this.inFlight.size >= MAX_IMMEDIATE) {
      await this.db.models.Event.create({ type, data });
      this.notify();
      return;
    }
    const event = (
      await this.db.models.Event.create({ type, data, claimedAt: new Date(), attempts: 1 })
    ).toObject() as DomainEvent;
    const delivery = this.deliver(event).catch((err) =>
      this.log.warn({ err: (err as Error).message }, 'event delivery deferred'),
    );
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  notify(): void {
    this.requested = true;
    if (this.timer || !this.poll) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // The database may be away for a moment; the poll retries.
      void this.drain().catch((err) => this.log.warn({ err: (err as Error).message }, 'event processing deferred'));
    }, 5);
  }

  /** Processes every pending event; concurrent calls share one run. */
  drain(): Promise<void> {
    this.running ??= (async () => {
      try {
        while (this.requested && !this.stopped) {
          this.requested = false;
          // A few events at a time: deliveries are independent of each other.
          await Promise.all(
            Array.from({ length: CONCURRENCY }, async () => {
              while (!this.stopped && (await this.processOne())) this.requested = false;
            }),
          );
        }
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async processOne(): Promise<boolean> {
    const now = new Date();
    const event = await this.db.models.Event.findOneAndUpdate(
      {
        processedAt: null,
        attempts: { $lt: MAX_ATTEMPTS },
        $or: [{ claimedAt: null }, { claimedAt: { $lt: new Date(now.getTime() - CLAIM_TIMEOUT_MS) } }],
      },
      { $set: { claimedAt: now }, $inc: { attempts: 1 } },
      { sort: { createdAt: 1 }, new: true },
    ).lean<DomainEvent>();
    if (!event) return false;
    await this.deliver(event);
    return true;
  }

  private async deliver(event: DomainEvent): Promise<void> {
    const handler = this.handlers.get(event.type);
    try {
      await handler?.(event);
      // A delivered event leaves the outbox, which stays small: FerretDB scans it for every claim.
      await this.db.models.Event.deleteOne({ _id: event._id });
    } catch (err) {
      this.log.error(
        { err, eventId: String(event._id), type: event.type, instance: this.instance },
        'event handler failed',
      );
      // Release the claim after a back-off so the event is retried.
      const retryAt = new Date(Date.now() - CLAIM_TIMEOUT_MS + Math.min(30_000, 500 * 2 ** (event.attempts ?? 1)));
      await this.db.models.Event.updateOne(
        { _id: event._id },
        { $set: { claimedAt: retryAt, lastError: String((err as Error).message) } },
      );
    }
  }

  /** Resolves once no event is waiting (tests, scripts). */
  async settled(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.requested = true;
      await this.drain();
      if (!(await this.db.models.Event.exists({ processedAt: null, attempts: { $lt: MAX_ATTEMPTS } }))) return;
      if (Date.now() > deadline) throw new Error('events did not settle in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Starts processing, with a slow poll for events recorded by other instances or left after a crash. */
  start(pollMs = 1000): void {
    if (this.poll) return;
    this.stopped = false;
    // Outboxes written before delivered events were deleted kept them, marked processed.
    void this.db.models.Event.deleteMany({ processedAt: { $ne: null } }).catch(() => undefined);
    this.poll = setInterval(() => this.notify(), pollMs);
    this.poll.unref();
    this.notify();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    clearTimeout(this.timer);
    this.poll = undefined;
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
  }
}
