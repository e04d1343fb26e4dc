import type { ListingType } from '@techbridge/shared';
import type { AppContext, Matcher } from '../../context';
import { BackgroundLoop } from '../../platform/background/loop';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import { mapLimit } from '../../platform/lib/mapLimit';
import type { AnyListing } from '../listings/model';
import { byType, listingQueue, type QueueEntry } from '../listings/queue.store';
import { listingStore } from '../listings/store';
import { type Announcement, matchListing } from './pass';

const BATCH = 200;
/** Queue entries matched and then cleared together. */
export const CHUNK = 32;
/** Reads and writes a background pass keeps in flight. */
const BACKGROUND_READS = 4;
/** Listings of one type the drain matches at once. */
export const TOGETHER = 16;
/**
 * How many listings' reconciled revs are remembered (a bulk import's backlog, about 70 bytes each); forgetting one
 * only costs reads of its matches.
 */
const MAX_RECONCILED = 200_000;

const first = <K, V>(map: Map<K, V>): [K, V] | undefined => map.entries().next().value;

/** What the matcher needs from the search sync: to hear when listings reach the index. */
export interface IndexedNotifier {
  onIndexed(listener: (type: ListingType, ids: string[] | null) => void): void;
  readonly backlog: boolean;
}

/**
 * Matches listings flagged `matchDirty` (set in the same atomic update as
 * the write, and queued: see listingQueueSchema); see pass.ts for one
 * listing's pass.
 *
 * Candidates come from Meilisearch, which may not hold a listing written a
 * moment ago. So a published listing matched before it is indexed stays
 * flagged and is matched again once it is: of any two listings, the one
 * whose last matching came later found the other in the index.
 *
 * Two ways in, one listing processed at a time (two at once could write one
 * pair from different reads): the lane takes listings by id (a user's write,
 * then listings the search sync has just indexed), ahead of the drain, which
 * works through the match queue (bulk imports, other instances, the poll),
 * giving way to requests in flight.
 */
export class MatchWorker implements Matcher {
  private readonly loop: BackgroundLoop;
  private laneRun: Promise<void> | undefined;
  private stopped = false;
  private readonly oneAtATime = keyedMutex();
  /** Listings written by a user just now: matched first. */
  private readonly urgent = new Map<string, ListingType>();
  /** Listings the search sync has just indexed: matched next (most of them a second time). */
  private readonly indexed = new Map<string, ListingType>();
  /** Listings the lane matched during the current chunk of the drain: the chunk's (older) copy is skipped. */
  private readonly matchedByLane = new Set<string>();
  /**
   * Listing id → a `rev` at which every existing match of the listing is
   * known to have been computed from that very state of it: the rev of its
   * first publication (nothing could be matched with it before), or one at
   * which its matches were all read and recomputed. Matching it again at that
   * rev needs no read of its matches. In memory: a listing missing here
   * (after a restart, or matched on another instance) is simply read in full,
   * and so is one whose pass failed (it may have created pairs it did not
   * announce: a full read finds them).
   */
  private readonly reconciled = new Map<string, number>();

  constructor(
    private readonly ctx: AppContext,
    private readonly index: IndexedNotifier,
  ) {
    this.loop = new BackgroundLoop({
      name: 'matching',
      log: ctx.log,
      pollMs: 10_000,
      pass: () => this.pass(),
      yieldTo: ctx.lifecycle,
    });
    index.onIndexed((type, ids) => {
      // Written through the per-listing flag: each is matched (again) by id. A bulk write: by the drain.
      if (!ids) return this.notify();
      for (const id of ids) if (!this.urgent.has(id)) this.indexed.set(id, type);
      void this.runLane();
    });
  }

  prioritize(type: ListingType, id: string): void {
    this.urgent.set(id, type);
    void this.runLane();
  }

  firstPublished(id: string, rev: number): void {
    this.remember(id, rev);
  }

  notify(): void {
    this.loop.wake();
  }

  private remember(id: string, rev: number): void {
    this.reconciled.delete(id);
    this.reconciled.set(id, rev);
    if (this.reconciled.size > MAX_RECONCILED) this.reconciled.delete(first(this.reconciled)![0]);
  }

  /** Whether the listing's existing matches were all computed from its current state. */
  private isReconciled(listing: AnyListing): boolean {
    return this.reconciled.get(String(listing._id)) === (listing.rev ?? 0);
  }

  /**
   * Matches one listing, remembering what the pass learnt; resolves with whether its flag may be cleared (and, with
   * `deferAnnouncement`, the announcement to write with that: see PassOptions).
   */
  async process(
    type: ListingType,
    listing: AnyListing,
    {
      scanAll = false,
      background = false,
      deferAnnouncement = false,
    }: { scanAll?: boolean; background?: boolean; deferAnnouncement?: boolean } = {},
  ): Promise<{ complete: boolean; announcement?: Announcement }> {
    const id = String(listing._id);
    const result = await matchListing(this.ctx, type, listing, {
      reconciled: this.isReconciled(listing),
      scanAll,
      inFlight: background ? BACKGROUND_READS : Number.POSITIVE_INFINITY,
      background,
      deferAnnouncement,
    }).catch((err: unknown) => {
      this.reconciled.delete(id);
      throw err;
    });
    if (result.reconciled && !result.complete) this.remember(id, listing.rev ?? 0);
    else if (result.complete) this.reconciled.delete(id);
    return result;
  }

  /** Matches the listings queued by id, urgent ones first, each read afresh; one run at a time. */
  private runLane(): Promise<void> {
    // (`.finally` rather than try/finally inside: with nothing queued the body would end before the assignment.)
    this.laneRun ??= this.lane().finally(() => {
      this.laneRun = undefined;
      // Queued after the lane's last look but before this: the lane would not have run for it.
      if (!this.stopped && (this.urgent.size || this.indexed.size)) void this.runLane();
    });
    return this.laneRun;
  }

  private async lane(): Promise<void> {
    const store = listingStore(this.ctx.db);
    try {
      for (let next = first(this.urgent) ?? first(this.indexed); next && !this.stopped; ) {
        const [id, type] = next;
        // A user's write just now, or (most often) a listing matched once already, now in the index.
        const background = !this.urgent.has(id);
        this.urgent.delete(id);
        this.indexed.delete(id);
        await this.oneAtATime('listing', async () => {
          const listing = await store.findById(type, id);
          if (!listing?.matchDirty) return;
          // Not complete: it comes back through the lane once the search sync has indexed it.
          if ((await this.process(type, listing, { background })).complete)
            await store.clearFlag(type, 'matchDirty', [listing]);
          this.matchedByLane.add(id);
        });
        next = first(this.urgent) ?? first(this.indexed);
      }
    } catch (err) {
      // The listing stays flagged; the drain takes it up.
      this.ctx.log.warn({ err: (err as Error).message }, 'matching deferred; will retry');
      this.loop.wake(1000);
    }
  }

  /** Runs until the match queue is worked through (tests, scripts). */
  drain(): Promise<void> {
    return this.loop.run();
  }

  /** One batch of the match queue; true when more may be waiting. */
  private async pass(): Promise<boolean> {
    await this.runLane();
    // Candidates come from the index: a large indexing backlog (a bulk import) clears first.
    while (this.index.backlog && !this.stopped) await new Promise((r) => setTimeout(r, 250));
    this.matchedByLane.clear();
    const entries = await listingQueue(this.ctx.db).queued('matchDirty', BATCH);
    let progress = false;
    // A few at a time, each few cleared and dequeued at once: progress shows and survives a stop. A chunk's flags
    // are cleared and its entries dequeued while the next chunk is matched (one chunk's finish at a time).
    let finishing: Promise<void> = Promise.resolve();
    let failed = false;
    try {
      // A failed finish (database away) ends the pass: it throws below, and the loop retries with back-off.
      for (let i = 0; i < entries.length && !this.stopped && !failed; i += CHUNK) {
        // A bulk import began meanwhile: its writes and indexing go first (someone waits for its answer).
        if (this.index.backlog) return true;
        const finish = await this.matchEntries(entries.slice(i, i + CHUNK));
        finishing = finishing.then(async () => {
          if (await finish()) progress = true;
        });
        finishing.catch(() => {
          failed = true;
        });
      }
    } finally {
      await finishing;
    }
    await this.runLane();
    // A short batch was the whole queue; a batch of listings all waiting for the index comes back later.
    return entries.length === BATCH && progress;
  }

  /**
   * Matches the listings of some queue entries; resolves with their finish, which clears their flags (with their
   * announcements), relays the announcements and dequeues the entries done with, and resolves true when one was.
   */
  private async matchEntries(entries: QueueEntry[]): Promise<() => Promise<boolean>> {
    const store = listingStore(this.ctx.db);
    const finishes: (() => Promise<boolean>)[] = [];
    for (const [type, group] of byType(entries)) {
      if (!group.length || this.stopped) continue;
      const listings = await store.findEachById(
        type,
        group.map((e) => e.listingId),
        undefined,
        BACKGROUND_READS,
      );
      // Listings waiting for the index are matched once they are in it.
      const dirty = listings.filter((l) => l.matchDirty && !l.searchDirty);
      const done: AnyListing[] = [];
      // Written with the clearing of their flags (one write per listing), then relayed.
      const announcements = new Map<string, Announcement>();
      // Listings of one type never share a pair (a pair is an offer and a demand): a few are matched at once.
      // A bulk import began meanwhile: the rest of the chunk stays queued (its writes and indexing go first).
      for (let i = 0; i < dirty.length && !this.stopped && !this.index.backlog; i += TOGETHER) {
        const began = Date.now();
        await this.oneAtATime('listing', () =>
          mapLimit(dirty.slice(i, i + TOGETHER), TOGETHER, async (listing) => {
            // Matched by the lane meanwhile, from a later read: the entry stays until the next pass.
            if (this.stopped || this.matchedByLane.has(String(listing._id))) return;
            const { complete, announcement } = await this.process(type, listing, {
              background: true,
              deferAnnouncement: true,
            });
            if (!complete) return;
            done.push(listing);
            if (announcement) announcements.set(String(listing._id), announcement);
          }),
        );
        // Background work: while requests are in flight, it waits as long as it worked.
        await this.ctx.lifecycle.idle(Date.now() - began);
      }
      finishes.push(async () => {
        const cleared = new Set(await store.clearFlag(type, 'matchDirty', done, (id) => announcements.get(id)));
        for (const [id, { events }] of announcements)
          await this.ctx.events.relay(store.sources[type], id, events, { background: true });
        const clean = new Set(listings.filter((l) => !l.matchDirty).map((l) => String(l._id)));
        const found = new Set(listings.map((l) => String(l._id)));
        // Done: the listing is gone, was clean when read, or its flag stayed cleared.
        const finished = group.filter(
          (e) => !found.has(e.listingId) || clean.has(e.listingId) || cleared.has(e.listingId),
        );
        await listingQueue(this.ctx.db).dequeue('matchDirty', finished);
        return finished.length > 0;
      });
    }
    return async () => {
      let progress = false;
      for (const finish of finishes) if (await finish()) progress = true;
      return progress;
    };
  }

  /** Runs a listing's pass under the worker's one-at-a-time rule (`npm run rematch`). */
  processAlone(type: ListingType, listing: AnyListing, options: { scanAll?: boolean } = {}): Promise<boolean> {
    return this.oneAtATime('listing', async () => (await this.process(type, listing, options)).complete);
  }

  async settled(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.drain().catch(() => undefined);
      if (!(await listingQueue(this.ctx.db).any('matchDirty'))) return;
      if (Date.now() > deadline) throw new Error('matching did not settle in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Local writes wake the matcher; the slow poll picks up other instances' writes and crash leftovers. */
  start(): void {
    this.stopped = false;
    this.loop.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([this.loop.stop(), this.laneRun]);
  }
}
