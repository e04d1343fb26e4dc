import type { ListingType } from '@techbridge/shared';
import type { Indexer } from '../../context';
import { BackgroundLoop } from '../../platform/background/loop';
import type { Db } from '../../platform/db';
import type { EventRecorder, PendingEvent } from '../../platform/events/types';
import type { Logger } from '../../platform/logger';
import { applied, type Search } from '../../platform/search/client';
import type { DomainEvents } from '../domainEvents';
import { sweepQueues } from '../listings/commands/sweepQueues';
import type { AnyListing } from '../listings/model';
import { byType, listingQueue } from '../listings/queue.store';
import { listingStore } from '../listings/store';
import { documentsFor } from './documents';
import { LISTINGS_INDEX, type ListingSearchDoc, listingsIndexSettings, searchDocId } from './listingsIndex';
import { indexJobStore } from './store';

const BATCH = 1000;
/** An index job older than this was abandoned by its writer; the sync takes it over. */
const JOB_STALE_MS = 60_000;
/**
 * How often the queues are checked against the flags (a full read of the
 * listings on FerretDB) for a listing a crash left flagged but unqueued.
 * Also once at start.
 */
const SWEEP_MS = 15 * 60_000;

type IndexedListener = (type: ListingType, ids: string[] | null) => void;

/**
 * Keeps the Meilisearch projection in step with MongoDB, the source of truth.
 * A write flags its listing in the same atomic update (`searchDirty`, `rev`)
 * and queues it; this worker pushes queued listings to the index and clears
 * the flag only once the index has applied the change and the listing has
 * not been written again meanwhile. A failed push never fails the user's
 * write: the listing stays flagged and the loop retries with back-off.
 */
export class SearchSync implements Indexer {
  private readonly loop: BackgroundLoop;
  private indexReady = false;
  private fullBatch = false;
  private bulkInFlight = 0;
  private sweepDue = 0;
  private readonly listeners: IndexedListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly search: Search,
    private readonly log: Logger,
    private readonly events: EventRecorder<DomainEvents>,
  ) {
    this.loop = new BackgroundLoop({
      name: 'search sync',
      log,
      pollMs: 10_000,
      // Writes arriving together go to Meilisearch as one batch.
      debounceMs: 20,
      pass: () => this.pass(),
    });
  }

  /** True while an import runs (`bulk`), a bulk write is being indexed, or a drain works through more than one batch. */
  get backlog(): boolean {
    return this.fullBatch || this.bulkInFlight > 0;
  }

  get indexUid(): string {
    return this.search.indexName(LISTINGS_INDEX);
  }

  /**
   * Calls `listener` each time listings have been applied to the index (the
   * matcher waits for that): with their ids when they were flagged, with
   * null after a bulk write.
   */
  onIndexed(listener: IndexedListener): void {
    this.listeners.push(listener);
  }

  private indexed(type: ListingType, ids: string[] | null): void {
    for (const listener of this.listeners) listener(type, ids);
  }

  /** Creates the index and applies its settings; idempotent. */
  async ensureIndex(uid = this.indexUid): Promise<void> {
    const { client } = this.search;
    try {
      await client.getIndex(uid);
    } catch {
      await applied(client, [await client.createIndex(uid, { primaryKey: 'id' })]);
    }
    await applied(client, [await client.index(uid).updateSettings(listingsIndexSettings)], 60_000);
    if (uid === this.indexUid) this.indexReady = true;
  }

  /** Applies the listings' current state (and the removal of `gone` ids) to the index, waiting until applied. */
  async send(type: ListingType, listings: AnyListing[], gone: string[] = [], uid = this.indexUid): Promise<void> {
    const { upserts, deletes } = await documentsFor(this.db, type, listings);
    deletes.push(...gone.map((id) => searchDocId(type, id)));
    await this.push(upserts, deletes, uid);
  }

  private async push(upserts: ListingSearchDoc[], deletes: string[], uid = this.indexUid): Promise<void> {
    if (!this.indexReady && uid === this.indexUid) await this.ensureIndex();
    const index = this.search.client.index<ListingSearchDoc>(uid);
    const tasks = [];
    if (upserts.length) tasks.push(await index.addDocuments(upserts));
    if (deletes.length) tasks.push(await index.deleteDocuments(deletes));
    await applied(this.search.client, tasks);
  }

  /** An import from its first write to its last row searchable: the backlog shows throughout (see Indexer). */
  async bulk<T>(work: () => Promise<T>): Promise<T> {
    this.bulkInFlight += 1;
    try {
      return await work();
    } finally {
      this.bulkInFlight -= 1;
    }
  }

  /**
   * The bulk path (imports): records an index job naming the listings, runs
   * `write` (which stores them without a flag) and meanwhile makes their
   * search documents from memory and pushes them, so that Meilisearch indexes
   * the batch while the database stores it (an import's batch was searchable
   * ~0.1–0.25 s sooner than when pushed once stored). Resolves once written,
   * with `indexed`, which resolves when the listings are searchable (or the
   * job was left to the loop); the job is deleted then. If the write fails,
   * the job is taken over at once: what is stored of the batch stays in the
   * index, the rest leaves it (and a failed takeover leaves the job to the
   * loop once stale).
   */
  async bulkWrite(
    type: ListingType,
    listings: AnyListing[],
    write: () => Promise<void>,
    events: PendingEvent[] = [],
  ): Promise<{ indexed: Promise<void> }> {
    this.bulkInFlight += 1;
    const jobs = indexJobStore(this.db);
    const listingIds = listings.map((l) => String(l._id));
    let job: { _id: unknown };
    try {
      job = await jobs.create(type, listingIds, events);
    } catch (err) {
      this.bulkInFlight -= 1;
      throw err;
    }
    const written = write();
    const pushed = (async () => {
      const { upserts, deletes } = await documentsFor(this.db, type, listings);
      await this.push(upserts, deletes);
    })();
    pushed.catch(() => undefined);
    try {
      await written;
      // The batch is written: its events go out through the delivery loop (a crash before leaves them in the job).
      await this.events.relay(jobs.jobs, String(job._id), events, { background: true });
    } catch (err) {
      await pushed.catch(() => undefined);
      await this.takeOver({ _id: job._id, type, listingIds }).catch(() => this.loop.wake(JOB_STALE_MS));
      this.bulkInFlight -= 1;
      throw err;
    }
    const indexed = (async () => {
      try {
        await pushed;
        await jobs.remove(job._id);
        this.indexed(type, null);
      } catch (err) {
        this.loop.wake(JOB_STALE_MS);
        throw err;
      } finally {
        this.bulkInFlight -= 1;
      }
    })().catch(() => undefined);
    return { indexed };
  }

  /** Index jobs whose writer did not finish them (crash, index outage): their listings are re-read and pushed. */
  private async recoverJobs(): Promise<void> {
    for (const job of await indexJobStore(this.db).scanStale(new Date(Date.now() - JOB_STALE_MS), 20)) {
      await this.takeOver(job);
    }
  }

  /** Finishes an index job: its events relayed, its listings pushed as stored, those never stored removed. */
  private async takeOver(job: { _id: unknown; type: string; listingIds: string[] }): Promise<void> {
    const jobs = indexJobStore(this.db);
    const type = job.type as ListingType;
    // The batch's events leave with the job (their processors skip listings that were never written).
    await this.events.relay(jobs.jobs, String(job._id), await jobs.carried(String(job._id)));
    const listings = await listingStore(this.db).findEachById(type, job.listingIds, undefined, 16);
    const found = new Set(listings.map((l) => String(l._id)));
    await this.send(
      type,
      listings,
      job.listingIds.filter((id) => !found.has(id)),
    );
    await jobs.remove(job._id);
    this.indexed(type, null);
  }

  /** The next pass sweeps the queues first (the database is back after an outage). */
  sweepSoon(): void {
    this.sweepDue = 0;
    this.loop.wake();
  }

  /** Asks for a pass soon (after every write); never throws, never makes the writer wait for the index. */
  notify(): void {
    this.loop.wake();
  }

  /**
   * Pushes every queued listing. A call during a pass gets the next pass: the
   * pass under way may have read the queue before the caller's write.
   */
  drain(): Promise<void> {
    return this.loop.run();
  }

  /** One batch of the queue; true when a full batch was read (more may be waiting). */
  private async pass(): Promise<boolean> {
    if (this.sweepDue <= Date.now()) {
      // Due again only once it has run: a sweep cut off by an outage runs on the next pass.
      const found = await sweepQueues(this.db);
      this.sweepDue = Date.now() + SWEEP_MS;
      if (found) this.log.warn({ found }, 'flagged listings missing from the work queues were queued');
    }
    await this.recoverJobs();
    const queue = listingQueue(this.db);
    const entries = await queue.queued('searchDirty', BATCH);
    this.fullBatch = entries.length === BATCH;
    try {
      for (const [type, group] of byType(entries)) {
        if (!group.length) continue;
        const store = listingStore(this.db);
        const listings = await store.findEachById(
          type,
          group.map((e) => e.listingId),
        );
        const dirty = listings.filter((l) => l.searchDirty);
        let cleared = new Set<string>();
        if (dirty.length) {
          await this.send(type, dirty);
          // Cleared only where the listing was not written again meanwhile.
          cleared = new Set(await store.clearFlag(type, 'searchDirty', dirty));
          this.indexed(
            type,
            dirty.map((l) => String(l._id)),
          );
        }
        const waiting = new Set(dirty.map((l) => String(l._id)));
        // Done: the listing is gone, was clean when read, or its flag stayed cleared.
        await queue.dequeue(
          'searchDirty',
          group.filter((e) => !waiting.has(e.listingId) || cleared.has(e.listingId)),
        );
      }
    } catch (err) {
      this.fullBatch = false;
      throw err;
    }
    // A full batch: more is waiting, and the backlog shows until a pass finds less.
    return this.fullBatch;
  }

  /** Resolves once no listing is waiting for the index (tests, scripts, shutdown). */
  async settled(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.drain().catch(() => undefined);
      const waiting = await Promise.all([listingQueue(this.db).any('searchDirty'), indexJobStore(this.db).any()]);
      if (!waiting.some(Boolean) && this.bulkInFlight === 0) return;
      if (Date.now() > deadline) throw new Error('search index did not catch up in time');
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /**
   * Starts the loop. Writes here wake the sync themselves; the slow poll is
   * for writes of other instances and work left by a crash or an outage.
   */
  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** After a rebuild swapped in a fresh index, which has the settings already. */
  markReady(): void {
    this.indexReady = true;
  }
}
