import { type ListingType, listingTypes, MATCH_THRESHOLD, type MatchReason, scoreMatch } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { findEachById } from '../../platform/db';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import { mapLimit } from '../../platform/lib/mapLimit';
import type { Demand, Offer } from '../listings/model';
import { byType, dequeue, type QueueEntry, queued } from '../listings/queue';
import { type AnyListing, clearDirtyFlag, listingModel } from '../listings/service';
import { findCandidates } from './candidates';
import { type Match, matchId } from './model';

const BATCH = 200;
/** Queue entries matched and then cleared together. */
const CHUNK = 10;
/** Reads and writes a background pass keeps in flight. */
const BACKGROUND_READS = 4;
/** How many listings' reconciled revs are remembered; forgetting one only costs a scan of the matches. */
const MAX_RECONCILED = 10_000;

const isLive = (l: AnyListing | null | undefined) => !!l && l.status === 'published' && !l.deletedAt;
const first = <K, V>(map: Map<K, V>): [K, V] | undefined => map.entries().next().value;

type Scored = { score: number; reasons: MatchReason[] };

/**
 * Recomputes the matches of listings flagged `matchDirty` (set in the same
 * atomic update as the write, and queued: see models/listingQueue). Each published listing is scored against
 * candidates of the other side; pairs at or above the threshold are upserted
 * (one match per pair, under an `_id` derived from the pair), the rest are
 * deactivated. The new pairs of one listing's pass record one `match.created`
 * event (a bulk import's listing can find dozens: one event, one notification
 * per organisation, not dozens).
 *
 * On FerretDB only a bare `{_id}` filter is answered without reading the
 * whole collection, so the per-listing work is `_id` lookups: the listing,
 * its organisation, each candidate, its organisation and its pair's match.
 * Two things need more and are done only when they can matter:
 *  - the matches of the listing with counterparts that are not candidates
 *    (made when the counterpart was matched, or from an earlier state): read
 *    by a scan of the matches unless every one of them is known to have been
 *    computed from the listing's current state (`reconciled`);
 *  - deactivating every match of a listing that left publication: a scan
 *    too, skipped for a listing that was never published.
 *
 * Candidates come from Meilisearch, which may not hold a listing written a
 * moment ago. So a published listing matched before it is indexed stays
 * flagged and is matched again once it is: of any two listings, the one
 * whose last matching came later found the other in the index. A user's
 * write is matched at once and confirmed after indexing.
 *
 * Two ways in, one listing processed at a time (two at once could write one
 * pair from different reads): the lane takes listings by id (a user's write,
 * then listings the search sync has just indexed), ahead of the drain, which
 * works through the match queue (bulk imports, other instances, the poll),
 * giving way to requests in flight.
 */
export class MatchWorker {
  private requested = false;
  private running: Promise<void> | undefined;
  private laneRun: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;
  private readonly oneAtATime = keyedMutex();
  /** How many reads or writes the current pass may have in flight (passes run one at a time). */
  private inFlight = Number.POSITIVE_INFINITY;

  constructor(private readonly ctx: AppContext) {
    ctx.searchSync.onIndexed((type, ids) => {
      // Written through the per-listing flag: each is matched (again) by id. A bulk write: by the drain.
      if (!ids) return this.notify();
      for (const id of ids) if (!this.urgent.has(id)) this.indexed.set(id, type);
      this.runLane();
    });
  }

  /** Listings written by a user just now: matched first. */
  private readonly urgent = new Map<string, ListingType>();
  /** Listings the search sync has just indexed: matched next (most of them a second time). */
  private readonly indexed = new Map<string, ListingType>();
  /** Listings the lane matched during the current batch of the drain: the batch's (older) copy of them is skipped. */
  private readonly matchedByLane = new Set<string>();
  /**
   * Listing id → a `rev` at which every existing match of the listing is
   * known to have been computed from that very state of it: the rev of its
   * first publication (nothing could be matched with it before), or one at
   * which its matches were all read and recomputed. Matching it again at that
   * rev needs no scan of the matches. In memory: a listing missing here (after
   * a restart, or matched on another instance) is simply scanned.
   */
  private readonly reconciled = new Map<string, number>();

  /** A user's write: matched at once, ahead of anything else. */
  prioritize(type: ListingType, id: string): void {
    this.urgent.set(id, type);
    this.runLane();
  }

  /**
   * The write that gave the listing `rev` published it for the first time: it
   * had no match before, so every match it will have is computed from that
   * state or a later one.
   */
  firstPublished(id: string, rev: number): void {
    this.remember(id, rev);
  }

  private remember(id: string, rev: number): void {
    this.reconciled.delete(id);
    this.reconciled.set(id, rev);
    if (this.reconciled.size > MAX_RECONCILED) this.reconciled.delete(first(this.reconciled)![0]);
  }

  /**
   * Whether the listing's existing matches were all computed from its current
   * state. A listing still at rev 0 was never written after its creation (a
   * bulk import creates listings already published): the same holds.
   */
  private isReconciled(listing: AnyListing): boolean {
    const rev = listing.rev ?? 0;
    return rev === 0 || this.reconciled.get(String(listing._id)) === rev;
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
    try {
      for (let next = first(this.urgent) ?? first(this.indexed); next && !this.stopped; ) {
        const [id, type] = next;
        this.urgent.delete(id);
        this.indexed.delete(id);
        await this.oneAtATime('listing', async () => {
          const model = listingModel(this.ctx.db.models, type);
          const listing = await model.findById(id).lean<AnyListing>();
          if (!listing?.matchDirty) return;
          // Not complete: it comes back through the lane once the search sync has indexed it.
          if (await this.process(type, listing)) await clearDirtyFlag(model, 'matchDirty', [listing]);
          this.matchedByLane.add(id);
        });
        next = first(this.urgent) ?? first(this.indexed);
      }
    } catch (err) {
      // The listing stays flagged; the drain takes it up.
      this.ctx.log.warn({ err: (err as Error).message }, 'matching deferred; will retry');
      this.failures += 1;
      this.notify(Math.min(30_000, 500 * 2 ** this.failures));
    }
  }

  notify(delayMs = 0): void {
    this.requested = true;
    if (this.timer || !this.poll) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain().catch((err) => {
        this.failures += 1;
        this.ctx.log.warn({ err: (err as Error).message }, 'matching deferred; will retry');
        this.notify(Math.min(30_000, 500 * 2 ** this.failures));
      });
    }, delayMs);
  }

  drain(): Promise<void> {
    this.running ??= this.drainAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async drainAll(): Promise<void> {
    while (this.requested && !this.stopped) {
      this.requested = false;
      await this.runLane();
      while (!this.stopped) {
        // Candidates come from the index: let a large indexing backlog (a bulk import) clear first.
        while (this.ctx.searchSync.backlog && !this.stopped) await new Promise((r) => setTimeout(r, 250));
        this.matchedByLane.clear();
        const entries = await queued(this.ctx.db.models, 'matchDirty', BATCH);
        let progress = false;
        // A few at a time, each few cleared and dequeued at once: progress shows and survives a stop.
        for (let i = 0; i < entries.length && !this.stopped; i += CHUNK) {
          if (await this.drainEntries(entries.slice(i, i + CHUNK))) progress = true;
        }
        // A short batch was the whole queue; a batch of listings all waiting for the index comes back later.
        if (entries.length < BATCH || !progress) break;
      }
    }
    await this.runLane();
    this.failures = 0;
  }

  /** Matches the listings of some queue entries; resolves true when an entry was done with. */
  private async drainEntries(entries: QueueEntry[]): Promise<boolean> {
    let progress = false;
    for (const [type, group] of byType(entries)) {
      if (!group.length || this.stopped) continue;
      const model = listingModel(this.ctx.db.models, type);
      const listings = await findEachById<AnyListing>(
        model,
        group.map((e) => e.listingId),
        undefined,
        BACKGROUND_READS,
      );
      // Listings waiting for the index are matched once they are in it.
      const dirty = listings.filter((l) => l.matchDirty && !l.searchDirty);
      const done: AnyListing[] = [];
      for (const listing of dirty) {
        if (this.stopped) break;
        const began = Date.now();
        await this.oneAtATime('listing', async () => {
          // Matched by the lane meanwhile, from a later read: the entry stays until the next pass.
          if (this.matchedByLane.has(String(listing._id))) return;
          if (await this.process(type, listing, { background: true })) done.push(listing);
        });
        // Background work: while requests are in flight, it waits as long as it worked (half the time at most).
        await this.ctx.lifecycle.idle(Date.now() - began);
      }
      const cleared = new Set(await clearDirtyFlag(model, 'matchDirty', done));
      const clean = new Set(listings.filter((l) => !l.matchDirty).map((l) => String(l._id)));
      const found = new Set(listings.map((l) => String(l._id)));
      // Done: the listing is gone, was clean when read, or its flag stayed cleared.
      const finished = group.filter(
        (e) => !found.has(e.listingId) || clean.has(e.listingId) || cleared.has(e.listingId),
      );
      await dequeue(this.ctx.db.models, 'matchDirty', finished);
      if (finished.length) progress = true;
    }
    return progress;
  }

  /**
   * Recomputes one listing's matches. Resolves true when the listing's dirty
   * flag may be cleared, false when it must be matched again once indexed.
   * `scanAll` reads every existing match of the listing even when that is
   * known to be unnecessary (`npm run rematch`, after a change of scoring).
   * `background`: a pass of the drain, which keeps only a few reads and
   * writes in flight so that requests do not queue behind it in the database.
   */
  async process(
    type: ListingType,
    listing: AnyListing,
    { scanAll = false, background = false }: { scanAll?: boolean; background?: boolean } = {},
  ): Promise<boolean> {
    this.inFlight = background ? BACKGROUND_READS : Number.POSITIVE_INFINITY;
    const { Match } = this.ctx.db.models;
    const id = String(listing._id);
    const side = type === 'offer' ? 'offerId' : 'demandId';
    const otherKey = type === 'offer' ? 'demandId' : 'offerId';
    const otherType: ListingType = type === 'offer' ? 'demand' : 'offer';
    const [candidateIds, activeOrgs] = await Promise.all([
      isLive(listing) ? findCandidates(this.ctx, type, listing) : [],
      this.activeOrgs([listing.organizationId]),
    ]);
    if (!isLive(listing) || !activeOrgs.has(String(listing.organizationId))) {
      // A listing never published never had a match.
      if (listing.publishedAt)
        await Match.updateMany({ [side]: listing._id, active: true }, { $set: { active: false } });
      this.reconciled.delete(id);
      return true;
    }
    const pairOf = (counterpart: AnyListing) =>
      (type === 'offer' ? [listing, counterpart] : [counterpart, listing]) as [Offer, Demand];
    const rev = listing.rev ?? 0;
    // Every match of the listing (a scan), or only those of the candidates (by _id) when no other can be stale.
    const scan = scanAll || !this.isReconciled(listing);
    const [counterparts, stored] = await Promise.all([
      this.findListings(otherType, candidateIds),
      scan
        ? Match.find({ [side]: listing._id }).lean<Match[]>()
        : findEachById<Match>(
            Match,
            candidateIds.map((c) => (type === 'offer' ? matchId(id, c) : matchId(c, id))),
            undefined,
            this.inFlight,
          ),
    ]);
    const storedWith = new Map(stored.map((m) => [String(m[otherKey]), m]));
    const created = await this.applyAll(
      listing,
      counterparts.map((c) => ({ counterpart: c, existing: storedWith.get(String(c._id)) ?? null })),
      pairOf,
    );
    if (scan) {
      // Matches with listings that are not candidates now: recomputed too (or deactivated, the listing gone).
      const candidates = new Set(counterparts.map((c) => String(c._id)));
      const others = stored.filter((m) => !candidates.has(String(m[otherKey])));
      const found = await this.findListings(
        otherType,
        others.map((m) => String(m[otherKey])),
      );
      created.push(
        ...(await this.applyAll(
          listing,
          found.map((c) => ({ counterpart: c, existing: storedWith.get(String(c._id)) ?? null })),
          pairOf,
        )),
      );
      const present = new Set(found.map((c) => String(c._id)));
      const gone = others.filter((m) => m.active && !present.has(String(m[otherKey])));
      for (const m of gone) await Match.updateOne({ _id: m._id }, { $set: { active: false } });
      // Matches stored under a random _id (before derived ids) are only ever found by a scan.
      if (stored.every((m) => String(m._id) === String(matchId(m.offerId, m.demandId)))) this.remember(id, rev);
    }
    // Best first: the handler announces them in this order.
    if (created.length) await this.ctx.events.record('match.created', { matchIds: created });
    // Not yet in the index: look again once it is, for counterparts that missed it meanwhile.
    if (listing.searchDirty) return false;
    this.reconciled.delete(id);
    return true;
  }

  /**
   * Scores the listing against each counterpart and writes what changed (each
   * pair its own document, so the writes go in parallel). New pairs are
   * created, the best first, only until the listing has `matchLimit` active
   * matches among its candidates (which can vary a little from pass to pass
   * as the index changes); stored pairs are always kept up to date. This
   * bounds the work and the announcements for a listing with many similar
   * counterparts (a bulk import of near-identical rows). Resolves with the
   * ids of the pairs that are new, best score first.
   */
  private async applyAll(
    listing: AnyListing,
    pairs: { counterpart: AnyListing; existing: Match | null }[],
    pairOf: (counterpart: AnyListing) => [Offer, Demand],
  ): Promise<string[]> {
    const activeOrgs = await this.activeOrgs(pairs.map((p) => p.counterpart.organizationId));
    const scored = pairs.map(({ counterpart, existing }) => {
      const live =
        isLive(counterpart) &&
        activeOrgs.has(String(counterpart.organizationId)) &&
        String(counterpart.organizationId) !== String(listing.organizationId);
      const [offer, demand] = pairOf(counterpart);
      return { offer, demand, existing, result: live ? scoreMatch(offer, demand) : null };
    });
    scored.sort((a, b) => (b.result?.score ?? -1) - (a.result?.score ?? -1));
    const holds = (r: Scored | null) => !!r && r.score >= MATCH_THRESHOLD;
    let room = this.ctx.config.matchLimit - scored.filter((p) => p.existing?.active && holds(p.result)).length;
    const writes = scored.filter(({ existing, result }) => existing || !holds(result) || room-- > 0);
    const created = await mapLimit(writes, this.inFlight, ({ offer, demand, existing, result }) =>
      this.apply(offer, demand, result, existing),
    );
    return created.filter((id) => id !== null);
  }

  private findListings(type: ListingType, ids: string[]): Promise<AnyListing[]> {
    return findEachById<AnyListing>(listingModel(this.ctx.db.models, type), ids, undefined, this.inFlight);
  }

  /** Which of the given organisations are active. */
  private async activeOrgs(ids: unknown[]): Promise<Set<string>> {
    const orgs = await findEachById<{ _id: unknown; status: string }>(this.ctx.db.models.Organization, ids, {
      status: 1,
    });
    return new Set(orgs.filter((o) => o.status === 'active').map((o) => String(o._id)));
  }

  /**
   * Writes only what changed: a new or re-scored match, or the deactivation
   * of one that no longer holds (`result` null: a side is not live). Every
   * write is by `_id`. Resolves with the match's id when the pair is new.
   */
  private async apply(
    offer: Offer,
    demand: Demand,
    result: Scored | null,
    existing: Match | null,
  ): Promise<string | null> {
    const { Match } = this.ctx.db.models;
    if (!result || result.score < MATCH_THRESHOLD) {
      if (existing?.active)
        await Match.updateOne({ _id: existing._id }, { $set: { active: false, score: result?.score ?? 0 } });
      return null;
    }
    const { score, reasons } = result;
    if (existing?.active && existing.score === score && JSON.stringify(existing.reasons) === JSON.stringify(reasons))
      return null;
    const set = { score, reasons, active: true, offerOrgId: offer.organizationId, demandOrgId: demand.organizationId };
    if (existing) {
      await Match.updateOne({ _id: existing._id }, { $set: set });
      return null;
    }
    const pair = { offerId: offer._id, demandId: demand._id };
    type Raw = { value: { _id: unknown } | null; lastErrorObject?: { updatedExisting?: boolean } } | null;
    let created: string | null = null;
    try {
      const raw = (await Match.findOneAndUpdate(
        { _id: matchId(offer._id, demand._id) },
        { $set: set, $setOnInsert: { ...pair, offerState: 'new', demandState: 'new' } },
        { upsert: true, new: true, includeResultMetadata: true },
      )) as unknown as Raw;
      if (raw?.lastErrorObject?.updatedExisting === false && raw.value) created = String(raw.value._id);
    } catch (err) {
      // Another worker inserted the pair just now, or its match predates derived ids (a random
      // _id, which the unique index on the pair catches): update it by the pair.
      if ((err as { code?: number }).code !== 11000) throw err;
      await Match.updateOne(pair, { $set: set });
    }
    return created;
  }

  /** Recomputes every listing's matches, reading all of them (`npm run rematch`, e.g. after a scoring change). */
  async rematchAll(onProgress?: (done: number, total: number) => void): Promise<{ listings: number; ms: number }> {
    const started = Date.now();
    const totals = await Promise.all(listingTypes.map((t) => listingModel(this.ctx.db.models, t).countDocuments({})));
    const total = totals.reduce((a, b) => a + b, 0);
    let done = 0;
    for (const type of listingTypes) {
      let lastId: unknown = null;
      for (;;) {
        const batch = await listingModel(this.ctx.db.models, type)
          .find(lastId ? { _id: { $gt: lastId } } : {})
          .sort({ _id: 1 })
          .limit(200)
          .lean<AnyListing[]>();
        if (!batch.length) break;
        const complete: AnyListing[] = [];
        for (const listing of batch) {
          if (await this.oneAtATime('listing', () => this.process(type, listing, { scanAll: true })))
            complete.push(listing);
          done += 1;
          onProgress?.(done, total);
        }
        await clearDirtyFlag(listingModel(this.ctx.db.models, type), 'matchDirty', complete);
        lastId = batch[batch.length - 1]._id;
      }
    }
    return { listings: done, ms: Date.now() - started };
  }

  async settled(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.requested = true;
      await this.drain();
      if (!(await this.ctx.db.models.MatchQueue.exists({}))) return;
      if (Date.now() > deadline) throw new Error('matching did not settle in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Local writes wake the matcher; the slow poll picks up other instances' writes and crash leftovers. */
  start(pollMs = 10_000): void {
    if (this.poll) return;
    this.stopped = false;
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
    await Promise.all([this.running?.catch(() => undefined), this.laneRun]);
  }
}
