import { type ListingType, listingTypes, MATCH_THRESHOLD, scoreMatch } from '@techbridge/shared';
import type { AppContext } from '../context';
import { type AnyListing, clearDirtyFlag, listingModel } from '../listings/service';
import type { Demand, Offer } from '../models/listing';
import type { Match } from '../models/match';
import { findCandidates } from './candidates';

const BATCH = 200;

const isLive = (l: AnyListing | null | undefined) => !!l && l.status === 'published' && !l.deletedAt;

/**
 * Recomputes the matches of listings flagged `matchDirty` (set in the same
 * atomic update as the write). Each published listing is scored against
 * candidates of the other side; pairs at or above the threshold are upserted
 * (unique per pair, so re-publishing or editing never duplicates), the rest
 * are deactivated. A new pair records a `match.created` event.
 */
export class MatchWorker {
  private requested = false;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;

  constructor(private readonly ctx: AppContext) {}

  /** Listings written by a user just now, matched before the next listing of a bulk backlog. */
  private readonly urgent = new Map<string, ListingType>();
  /** Prioritized listings matched during the current batch: the batch's (older) copy of them is skipped. */
  private readonly matchedUrgently = new Set<string>();

  prioritize(type: ListingType, id: string): void {
    this.urgent.set(id, type);
  }

  /** Matches the prioritized listings that are still dirty. */
  private async drainUrgent(): Promise<void> {
    for (const [id, type] of this.urgent) {
      this.urgent.delete(id);
      const model = listingModel(this.ctx.db.models, type);
      const listing = await model.findById(id).lean<AnyListing>();
      if (!listing?.matchDirty) continue;
      await this.process(type, listing);
      await clearDirtyFlag(model, 'matchDirty', [listing]);
      this.matchedUrgently.add(id);
    }
  }

  notify(delayMs = 5): void {
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
    this.running ??= (async () => {
      try {
        while (this.requested && !this.stopped) {
          this.requested = false;
          await this.drainUrgent();
          for (const type of listingTypes) {
            while (!this.stopped) {
              // Candidates come from the index: let a large indexing backlog (a bulk import) clear first.
              while (this.ctx.searchSync.backlog && !this.stopped) {
                await this.drainUrgent();
                await new Promise((r) => setTimeout(r, 250));
              }
              const dirty = await listingModel(this.ctx.db.models, type)
                .find({ matchDirty: true })
                .limit(BATCH)
                .lean<AnyListing[]>();
              const done: AnyListing[] = [];
              this.matchedUrgently.clear();
              for (const listing of dirty) {
                if (this.stopped) break;
                await this.drainUrgent();
                if (this.matchedUrgently.has(String(listing._id))) continue;
                await this.process(type, listing);
                done.push(listing);
              }
              await clearDirtyFlag(listingModel(this.ctx.db.models, type), 'matchDirty', done);
              if (dirty.length < BATCH) break;
            }
          }
        }
        this.failures = 0;
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Recomputes one listing's matches (the caller clears its dirty flag). */
  async process(type: ListingType, listing: AnyListing): Promise<void> {
    const { Match } = this.ctx.db.models;
    const side = type === 'offer' ? 'offerId' : 'demandId';
    if (!isLive(listing) || !(await this.orgActive(listing.organizationId))) {
      await Match.updateMany({ [side]: listing._id, active: true }, { $set: { active: false } });
    } else {
      const candidateIds = await findCandidates(this.ctx, type, listing);
      const existing = await Match.find({ [side]: listing._id }).lean<Match[]>();
      const otherKey = type === 'offer' ? 'demandId' : 'offerId';
      const byCounterpart = new Map(existing.map((m) => [String(m[otherKey]), m]));
      const ids = [...new Set([...candidateIds, ...byCounterpart.keys()])];
      const other = await listingModel(this.ctx.db.models, type === 'offer' ? 'demand' : 'offer')
        .find({ _id: { $in: ids } })
        .lean<AnyListing[]>();
      const activeOrgs = new Set(
        (
          await this.ctx.db.models.Organization.find(
            { _id: { $in: [...new Set(other.map((o) => String(o.organizationId)))] }, status: 'active' },
            { _id: 1 },
          ).lean()
        ).map((o) => String(o._id)),
      );
      await Promise.all(
        other.map((counterpart) => {
          const live =
            isLive(counterpart) &&
            activeOrgs.has(String(counterpart.organizationId)) &&
            String(counterpart.organizationId) !== String(listing.organizationId);
          const offer = (type === 'offer' ? listing : counterpart) as Offer;
          const demand = (type === 'offer' ? counterpart : listing) as Demand;
          return this.apply(offer, demand, live, byCounterpart.get(String(counterpart._id)));
        }),
      );
    }
  }

  private async orgActive(orgId: unknown): Promise<boolean> {
    return !!(await this.ctx.db.models.Organization.exists({ _id: orgId, status: 'active' }));
  }

  /** Writes only what changed: a new or re-scored match, or the deactivation of one that no longer holds. */
  private async apply(offer: Offer, demand: Demand, live: boolean, existing: Match | undefined): Promise<void> {
    const { Match } = this.ctx.db.models;
    const pair = { offerId: offer._id, demandId: demand._id };
    const { score, reasons } = live ? scoreMatch(offer, demand) : { score: 0, reasons: [] };
    if (!live || score < MATCH_THRESHOLD) {
      if (existing?.active) await Match.updateOne({ ...pair, active: true }, { $set: { active: false, score } });
      return;
    }
    if (existing?.active && existing.score === score && JSON.stringify(existing.reasons) === JSON.stringify(reasons))
      return;
    const update = {
      $set: { score, reasons, active: true, offerOrgId: offer.organizationId, demandOrgId: demand.organizationId },
      $setOnInsert: { offerState: 'new', demandState: 'new' },
    };
    type Raw = { value: { _id: unknown } | null; lastErrorObject?: { updatedExisting?: boolean } } | null;
    let result: Raw;
    try {
      result = (await Match.findOneAndUpdate(pair, update, {
        upsert: true,
        new: true,
        includeResultMetadata: true,
      })) as unknown as Raw;
    } catch (err) {
      // Two workers inserting the same new pair: the unique index keeps one; update it.
      if ((err as { code?: number }).code !== 11000) throw err;
      result = (await Match.findOneAndUpdate(pair, update, {
        new: true,
        includeResultMetadata: true,
      })) as unknown as Raw;
    }
    const created = result?.lastErrorObject?.updatedExisting === false;
    const match = result?.value ?? null;
    if (created && match) await this.ctx.events.record('match.created', { matchId: String(match._id) });
  }

  /** Recomputes every listing's matches (`npm run rematch`). */
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
        for (const listing of batch) {
          await this.process(type, listing);
          done += 1;
          onProgress?.(done, total);
        }
        await clearDirtyFlag(listingModel(this.ctx.db.models, type), 'matchDirty', batch);
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
      const dirty = await Promise.all(
        listingTypes.map((t) => listingModel(this.ctx.db.models, t).exists({ matchDirty: true })),
      );
      if (!dirty.some(Boolean)) return;
      if (Date.now() > deadline) throw new Error('matching did not settle in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  start(pollMs = 2000): void {
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
    await this.running?.catch(() => undefined);
  }
}
