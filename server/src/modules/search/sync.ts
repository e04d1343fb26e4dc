import { type ListingType, listingTypes } from '@techbridge/shared';
import type { Model } from 'mongoose';
import type { Db } from '../../platform/db';
import { findEachById } from '../../platform/db';
import { retryBusy } from '../../platform/lib/retryBusy';
import type { Logger } from '../../platform/logger';
import type { Demand, Offer } from '../listings/model';
import { byType, dequeue, queued, sweepFlags } from '../listings/queue';
import { clearDirtyFlag } from '../listings/service';
import type { Search } from './client';
import {
  LISTINGS_INDEX,
  type ListingSearchDoc,
  listingsIndexSettings,
  searchDocId,
  toSearchDoc,
} from './listingsIndex';
import type { IndexJob } from './model';

type AnyListing = Offer | Demand;
const WAIT = { timeout: 15_000, interval: 20 };
const BATCH = 1000;
/** An index job older than this was abandoned by its writer; the sync loop takes it over. */
const JOB_STALE_MS = 60_000;
/**
 * How often the queues are checked against the flags (a full read of the
 * listings on FerretDB) for a listing a crash left flagged but unqueued.
 * Also once at start.
 */
const SWEEP_MS = 15 * 60_000;

/**
 * Keeps the Meilisearch projection in step with MongoDB, the source of truth.
 * A write marks its listing dirty in the same atomic update (`searchDirty`,
 * `rev`); this module pushes dirty listings to the index and clears the flag
 * only when the index has applied the change and the listing has not been
 * written again meanwhile. A failed push never fails the user's write: the
 * listing stays dirty and the background loop retries until it succeeds.
 */
export class SearchSync {
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<number> | undefined;
  /** The pass that follows the one under way, shared by everyone who asked meanwhile. */
  private again: Promise<number> | undefined;
  private indexReady = false;
  private fullBatch = false;
  private bulkInFlight = 0;
  /** True while a bulk write is being indexed or a drain works through more than one batch of dirty listings. */
  get backlog(): boolean {
    return this.fullBatch || this.bulkInFlight > 0;
  }
  private failures = 0;
  private stopped = false;
  private readonly indexedListeners: ((type: ListingType, ids: string[] | null) => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly search: Search,
    private readonly log: Logger,
  ) {}

  /**
   * Calls `listener` each time listings have been applied to the index (the
   * matcher waits for that): with their ids when they were flagged, with
   * null after a bulk write (an index job).
   */
  onIndexed(listener: (type: ListingType, ids: string[] | null) => void): void {
    this.indexedListeners.push(listener);
  }

  private indexed(type: ListingType, ids: string[] | null): void {
    for (const listener of this.indexedListeners) listener(type, ids);
  }

  get indexUid(): string {
    return this.search.indexName(LISTINGS_INDEX);
  }

  private model(type: ListingType): Model<AnyListing> {
    return (type === 'offer' ? this.db.models.Offer : this.db.models.Demand) as unknown as Model<AnyListing>;
  }

  /** Creates the index and applies its settings; idempotent. */
  async ensureIndex(uid = this.indexUid): Promise<void> {
    const { client } = this.search;
    try {
      await client.getIndex(uid);
    } catch {
      await client.createIndex(uid, { primaryKey: 'id' }).waitTask(WAIT);
    }
    await client
      .index(uid)
      .updateSettings(listingsIndexSettings)
      .waitTask({ ...WAIT, timeout: 60_000 });
    if (uid === this.indexUid) this.indexReady = true;
  }

  private async documentsFor(type: ListingType, listings: AnyListing[]) {
    const orgIds = [...new Set(listings.map((l) => String(l.organizationId)))];
    const orgs = await this.db.models.Organization.find(
      { _id: { $in: orgIds } },
      { name: 1, type: 1, status: 1 },
    ).lean();
    const byId = new Map(orgs.map((o) => [String(o._id), o]));
    const authorIds = [...new Set(listings.map((l) => String(l.authorId)))];
    const suspendedAuthors = new Set(
      (await this.db.models.User.find({ _id: { $in: authorIds }, status: 'suspended' }, { _id: 1 }).lean()).map((u) =>
        String(u._id),
      ),
    );
    const upserts: ListingSearchDoc[] = [];
    const deletes: string[] = [];
    for (const listing of listings) {
      const org = byId.get(String(listing.organizationId));
      // A suspended organisation's or author's listings leave search.
      const visible =
        listing.status === 'published' &&
        !listing.deletedAt &&
        org?.status === 'active' &&
        !suspendedAuthors.has(String(listing.authorId));
      if (visible && org) upserts.push(toSearchDoc(type, listing, org));
      else deletes.push(searchDocId(type, String(listing._id)));
    }
    return { upserts, deletes };
  }

  /** Pushes the given listings to the index and clears their dirty flags; resolves with the ids cleared for good. */
  private async push(type: ListingType, listings: AnyListing[], uid = this.indexUid): Promise<string[]> {
    if (!listings.length) return [];
    await this.send(type, listings, [], uid);
    // Clear the flag only where the listing was not written again meanwhile.
    const cleared = await clearDirtyFlag(this.model(type), 'searchDirty', listings);
    this.indexed(
      type,
      listings.map((l) => String(l._id)),
    );
    return cleared;
  }

  /** Applies the listings' current state (and the removal of `gone` ids) to the index, waiting until it is applied. */
  private async send(type: ListingType, listings: AnyListing[], gone: string[], uid = this.indexUid): Promise<void> {
    if (!this.indexReady && uid === this.indexUid) await this.ensureIndex();
    const index = this.search.client.index<ListingSearchDoc>(uid);
    const { upserts, deletes } = await this.documentsFor(type, listings);
    deletes.push(...gone.map((id) => searchDocId(type, id)));
    const tasks = [];
    if (upserts.length) tasks.push(await index.addDocuments(upserts));
    if (deletes.length) tasks.push(await index.deleteDocuments(deletes));
    for (const task of await this.search.client.tasks.waitForTasks(tasks, WAIT)) {
      if (task.status !== 'succeeded')
        throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message}`);
    }
  }

  /**
   * The bulk path (imports): records an index job naming the listings, runs
   * `write` (which stores them without a dirty flag), then pushes what it
   * wrote straight from memory and deletes the job. No per-listing flag to
   * find and clear afterwards, which on FerretDB costs a collection scan per
   * batch. If the push fails, the job stays and the background loop takes it
   * over once stale. Resolves once written, with `indexed`, which resolves
   * when the listings are searchable (or the job was left to the loop).
   */
  async bulkWrite(
    type: ListingType,
    ids: string[],
    write: () => Promise<AnyListing[]>,
  ): Promise<{ indexed: Promise<void> }> {
    this.bulkInFlight += 1;
    let listings: AnyListing[];
    let job: { _id: unknown };
    try {
      job = await retryBusy(() => this.db.models.IndexJob.create({ type, listingIds: ids }));
      listings = await write();
    } catch (err) {
      this.bulkInFlight -= 1;
      throw err;
    }
    const indexed = (async () => {
      try {
        await this.send(type, listings, []);
        await retryBusy(() => this.db.models.IndexJob.deleteOne({ _id: job._id }));
        this.indexed(type, null);
      } catch (err) {
        this.log.warn({ err: (err as Error).message, job: String(job._id) }, 'bulk indexing deferred to the sync loop');
      } finally {
        this.bulkInFlight -= 1;
      }
    })();
    return { indexed };
  }

  /** Index jobs whose writer did not finish them (crash, index outage): re-reads their listings and pushes them. */
  private async recoverJobs(): Promise<number> {
    const stale = await this.db.models.IndexJob.find({ createdAt: { $lt: new Date(Date.now() - JOB_STALE_MS) } })
      .limit(20)
      .lean<IndexJob[]>();
    for (const job of stale) {
      const type = job.type as ListingType;
      const listings = await this.model(type)
        .find({ _id: { $in: job.listingIds } })
        .lean<AnyListing[]>();
      const found = new Set(listings.map((l) => String(l._id)));
      await this.send(
        type,
        listings,
        job.listingIds.filter((id) => !found.has(id)),
      );
      await this.db.models.IndexJob.deleteOne({ _id: job._id });
      this.indexed(type, null);
    }
    return stale.length;
  }

  /**
   * Called after every write: schedules a drain shortly, so writes arriving
   * together go to Meilisearch as one batch. Never throws; the request that
   * wrote does not wait for the index (Meilisearch applies a task in 0.1–2 s).
   */
  notify(): void {
    this.requested = true;
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      void this.runRequested();
    }, 20);
  }

  private requested = false;
  private notifyTimer: NodeJS.Timeout | undefined;

  private async runRequested(): Promise<void> {
    while (this.requested) {
      this.requested = false;
      try {
        await this.drain();
      } catch (err) {
        this.failures += 1;
        this.log.warn({ err: (err as Error).message }, 'search sync deferred; will retry');
        this.kick(Math.min(30_000, 500 * 2 ** this.failures));
        return;
      }
    }
  }

  /** Resolves once no listing is waiting for the index (tests, scripts, benchmarks). */
  async settled(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.drain().catch(() => undefined);
      const dirty = await Promise.all([this.db.models.SearchQueue.exists({}), this.db.models.IndexJob.exists({})]);
      if (!dirty.some(Boolean)) return;
      if (Date.now() > deadline) throw new Error('search index did not catch up in time');
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /**
   * Pushes every queued dirty listing; returns how many were synced. Reads
   * the queue and the listings it names by `_id`, never the listings
   * collections by their flag. A call during a pass gets the next pass
   * (shared by all such calls): the pass under way may have read the queue
   * before the caller's write, which would otherwise wait for the slow loop.
   */
  drain(): Promise<number> {
    if (this.draining) {
      // The pass under way may have read the queue before the caller's write: one more pass after it.
      this.again ??= this.draining
        .catch(() => 0)
        .then(() => {
          this.again = undefined;
          return this.drain();
        });
      return this.again;
    }
    this.draining = (async () => {
      let total = 0;
      try {
        if (this.sweepDue <= Date.now()) {
          this.sweepDue = Date.now() + SWEEP_MS;
          const found = await sweepFlags(this.db.models);
          if (found) this.log.warn({ found }, 'flagged listings missing from the work queues were queued');
        }
        total += await this.recoverJobs();
        while (!this.stopped) {
          const entries = await queued(this.db.models, 'searchDirty', BATCH);
          this.fullBatch = entries.length === BATCH;
          for (const [type, group] of byType(entries)) {
            if (!group.length) continue;
            const listings = await findEachById<AnyListing>(
              this.model(type),
              group.map((e) => e.listingId),
            );
            const dirty = listings.filter((l) => l.searchDirty);
            const cleared = new Set(await this.push(type, dirty));
            const waiting = new Set(dirty.map((l) => String(l._id)));
            // Done: the listing is gone, was clean when read, or its flag stayed cleared.
            await dequeue(
              this.db.models,
              'searchDirty',
              group.filter((e) => !waiting.has(e.listingId) || cleared.has(e.listingId)),
            );
            total += dirty.length;
          }
          if (entries.length < BATCH) break;
        }
        this.failures = 0;
      } finally {
        this.draining = undefined;
        this.fullBatch = false;
      }
      return total;
    })();
    return this.draining;
  }

  /** Schedules a drain soon (after a failure, with growing back-off). */
  kick(delayMs = 0): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), delayMs);
  }

  private async loop(): Promise<void> {
    try {
      await this.drain();
    } catch (err) {
      this.failures += 1;
      this.log.warn({ err: (err as Error).message, failures: this.failures }, 'search sync failed; will retry');
    }
    if (this.timer === undefined) return;
    // Meilisearch away: retried every few seconds at most, so the index catches up soon after it returns.
    const delay = this.failures ? Math.min(5_000, 500 * 2 ** this.failures) : this.intervalMs;
    this.timer = setTimeout(() => void this.loop(), delay);
  }

  private intervalMs = 10_000;
  private sweepDue = 0;

  /**
   * Starts the background loop that retries deferred syncs. Writes here wake
   * the sync themselves; the loop is for writes of other instances and work
   * left by a crash or an outage.
   */
  start(intervalMs = 10_000): void {
    this.intervalMs = intervalMs;
    this.stopped = false;
    if (this.timer) return;
    this.timer = setTimeout(() => void this.loop(), 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.notifyTimer);
    this.timer = undefined;
    this.notifyTimer = undefined;
    this.requested = false;
    await this.draining?.catch(() => undefined);
  }

  /**
   * Rebuilds the index from MongoDB into a fresh index and swaps it in, so
   * search keeps answering meanwhile and nothing stale survives.
   */
  async reindexAll(onProgress?: (done: number, total: number) => void): Promise<{ indexed: number; ms: number }> {
    const started = Date.now();
    const tmp = `${this.indexUid}_rebuild_${Date.now()}`;
    await this.ensureIndex(tmp);
    const totals = await Promise.all(listingTypes.map((t) => this.model(t).countDocuments({})));
    const total = totals.reduce((a, b) => a + b, 0);
    let done = 0;
    let indexed = 0;
    for (const type of listingTypes) {
      let lastId: unknown = null;
      for (;;) {
        const filter = lastId ? { _id: { $gt: lastId } } : {};
        const batch = await this.model(type).find(filter).sort({ _id: 1 }).limit(1000).lean<AnyListing[]>();
        if (!batch.length) break;
        const { upserts } = await this.documentsFor(type, batch);
        if (upserts.length) {
          const task = await this.search.client
            .index<ListingSearchDoc>(tmp)
            .addDocuments(upserts)
            .waitTask({ ...WAIT, timeout: 120_000 });
          if (task.status !== 'succeeded') throw new Error(`reindex batch failed: ${task.error?.message}`);
        }
        indexed += upserts.length;
        done += batch.length;
        lastId = batch[batch.length - 1]._id;
        onProgress?.(done, total);
      }
    }
    try {
      await this.search.client.getIndex(this.indexUid);
    } catch {
      await this.search.client.createIndex(this.indexUid, { primaryKey: 'id' }).waitTask(WAIT);
    }
    await this.search.client.swapIndexes([{ indexes: [this.indexUid, tmp], rename: false }]).waitTask(WAIT);
    await this.search.client.deleteIndex(tmp).waitTask(WAIT);
    this.indexReady = true;
    // Writes that raced the rebuild are still flagged; push them on top.
    await this.drain();
    return { indexed, ms: Date.now() - started };
  }
}
