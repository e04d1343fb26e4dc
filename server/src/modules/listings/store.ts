import type { ListingType } from '@techbridge/shared';
import type { Model } from 'mongoose';
import { castNew, defineStore, findEachById, insertOnce, isDuplicateKey } from '../../platform/db';
import { carry } from '../../platform/events/pending';
import { collectionEventSource } from '../../platform/events/source';
import type { PendingEvent } from '../../platform/events/types';
import { keyIndex } from '../../platform/keyIndex';
import { mapLimit } from '../../platform/lib/mapLimit';
import { RECENT_READ_MAX_AGE_MS, recentRecords } from '../../platform/lib/recentRecords';
import { withListingLock as lockOnly, withListingLocks as locksOnly } from './locks';
import type { AnyListing } from './model';
import type { DirtyFlag } from './queue.store';

type Projection = Record<string, 0 | 1>;
/** The fields findEachRecent reads. */
const RECENT_FIELDS = { title: 1, status: 1, deletedAt: 1, organizationId: 1 } as const;
/** What findEachRecent gives of a listing. */
export type ListingShown = Pick<AnyListing, '_id' | keyof typeof RECENT_FIELDS>;
/** Listings cleared at a time: the writes are independent, but a batch of a thousand should not flood the pool. */
const CLEAR_CONCURRENCY = 16;
/** Whole listings kept after insertBatch: an import's last two batches. */
const STORED_KEPT = 1_000;

/**
 * Every query on offers and demands. Request paths use `_id` lookups and
 * the key collections (an organisation's listings, references of imported
 * rows, the moderation queue); the `scan…` queries read a whole collection
 * on FerretDB and serve background work and maintenance scripts only.
 * Every write to a listing document takes the listing's lock (see locks.ts).
 */
export const listingStore = defineStore((connection) => {
  const models: Record<ListingType, Model<AnyListing>> = {
    offer: connection.model('Offer') as unknown as Model<AnyListing>,
    demand: connection.model('Demand') as unknown as Model<AnyListing>,
  };
  const orgListings = keyIndex(connection, 'OrgListings');
  const refs = keyIndex(connection, 'ListingRefs');
  const moderation = keyIndex(connection, 'ModerationQueue');
  /** What announcements show of listings (title, status, owner), read lately; forgotten by every write below. */
  const recent = recentRecords<ListingShown>({ retainMs: RECENT_READ_MAX_AGE_MS, capacity: 5_000 });
  /**
   * Whole listings this instance has just stored (an import's last batches), for the processors of their
   * publication: a batch's event is delivered within moments, and reading its listings back one `_id` at
   * a time would compete with the indexing the import waits for. Forgotten by every write below.
   */
  const stored = recentRecords<AnyListing>({ retainMs: RECENT_READ_MAX_AGE_MS, capacity: STORED_KEPT });
  const forgetting = <T>(ids: unknown[], work: () => Promise<T>): Promise<T> =>
    recent.writing(ids, () => stored.writing(ids, work));
  const withListingLock = <T>(id: unknown, work: () => Promise<T>): Promise<T> =>
    lockOnly(id, () => forgetting([id], work));
  const withListingLocks = <T>(ids: unknown[], work: () => Promise<T>): Promise<T> =>
    locksOnly(ids, () => forgetting(ids, work));

  return {
    sources: {
      offer: collectionEventSource('offers', models.offer, withListingLock),
      demand: collectionEventSource('demands', models.demand, withListingLock),
    },

    findById: (type: ListingType, id: unknown, projection?: Projection) =>
      models[type].findById(id, projection).lean<AnyListing>(),
    findEachById: (type: ListingType, ids: unknown[], projection?: Projection, concurrency?: number) =>
      findEachById<AnyListing>(models[type], ids, projection, concurrency),
    /**
     * What an announcement shows of listings (RECENT_FIELDS), for background passes: a listing read within
     * `maxAgeMs` is not read again. A write through this store shows at once; another instance's within `maxAgeMs`.
     */
    findEachRecent: (type: ListingType, ids: unknown[], maxAgeMs = RECENT_READ_MAX_AGE_MS) =>
      recent.read(ids, maxAgeMs, (missing) => findEachById<ListingShown>(models[type], missing, RECENT_FIELDS)),
    /**
     * Whole listings for a background pass: those this instance stored within `maxAgeMs` (insertBatch)
     * from memory, the others by `_id`. Another instance's write shows once the record is older.
     */
    findEachStored: (type: ListingType, ids: unknown[], maxAgeMs = RECENT_READ_MAX_AGE_MS) =>
      stored.read(ids, maxAgeMs, (missing) => findEachById<AnyListing>(models[type], missing, undefined, 8)),

    /**
     * A new listing document, cast, with its defaults and `_id` applied and validated (a ValidationError
     * if not valid), not yet stored: what insertBatch stores as it is (bulk imports).
     */
    hydrate: (type: ListingType, fields: Record<string, unknown>): AnyListing => castNew(models[type], fields),

    /**
     * A new listing. With a chosen `_id` (the demo world's, derived from its data) a second call returns
     * the one stored already, and still lists it under its organisation (a run interrupted in between).
     */
    async create(type: ListingType, fields: Record<string, unknown>): Promise<AnyListing> {
      let created: AnyListing;
      try {
        created = (await models[type].create(fields)).toObject() as AnyListing;
      } catch (err) {
        const existing =
          fields._id !== undefined && isDuplicateKey(err)
            ? await models[type].findById(fields._id).lean<AnyListing>()
            : null;
        if (!existing) throw err;
        created = existing;
      }
      await orgListings.add(`${created.organizationId}:${type}`, [String(created._id)]);
      return created;
    },

    /**
     * Stores listings from `hydrate` exactly once (a batch refused with SQLITE_BUSY
     * may have written part of itself: a retry inserts only what is missing),
     * with their organisation's key and their import references.
     */
    async insertBatch(type: ListingType, docs: AnyListing[]): Promise<void> {
      if (!docs.length) return;
      await insertOnce(models[type], docs);
      // New ids: nothing can have written them since they were stored.
      stored.keep(
        stored.mark(),
        docs.map((d) => [String(d._id), d]),
        Date.now(),
      );
      const orgId = String(docs[0].organizationId);
      await orgListings.add(
        `${orgId}:${type}`,
        docs.map((d) => String(d._id)),
      );
      await refs.add(
        `${orgId}:${type}`,
        docs.filter((d) => d.externalRef).map((d) => `${d._id}:${d.externalRef}`),
      );
    },

    /**
     * Updates a listing if its current state allows it, under the listing's
     * lock: read by `_id`, checked, written by `_id` (a filter with more than
     * the `_id` makes FerretDB read every listing of the collection; the lock
     * keeps the check and the write together). Resolves with the updated
     * listing, or null with the state that refused it.
     */
    updateIf(
      type: ListingType,
      id: unknown,
      allowed: (current: AnyListing) => boolean,
      update: Record<string, unknown> | ((current: AnyListing) => Record<string, unknown>),
      options: { runValidators?: boolean } = {},
    ): Promise<{ updated: AnyListing | null; current: AnyListing | null }> {
      return withListingLock(id, async () => {
        const current = await models[type].findById(id).lean<AnyListing>();
        if (!current || !allowed(current)) return { updated: null, current };
        const change = typeof update === 'function' ? update(current) : update;
        const updated = await models[type]
          .findOneAndUpdate({ _id: current._id }, change, { new: true, ...options })
          .lean<AnyListing>();
        return { updated, current };
      });
    },

    /**
     * Demo seeding only: moves a listing's creation and last change into the
     * past (a raw update, as Mongoose keeps `createdAt` immutable). Neither is
     * in the search index (`publishedAt` is, and is given when publishing).
     */
    backdate: (type: ListingType, id: unknown, dates: { createdAt: Date; updatedAt: Date }) =>
      withListingLock(id, () => models[type].collection.updateOne({ _id: id as never }, { $set: dates })),

    /** A write by `_id` under the listing's lock. */
    write: (type: ListingType, id: unknown, update: Record<string, unknown>, options: { timestamps?: boolean } = {}) =>
      withListingLock(id, () => models[type].updateOne({ _id: id }, update, options)),

    /**
     * Clears a dirty flag on listings not written again since they were read
     * (same `rev`): each cleared by its bare `_id`, atomically returning the
     * state it had; if a write slipped in since the read, the flag that write
     * set is set again. `also` gives a listing fields to set and events to
     * carry in the same write (the matcher's announcement of new pairs: see
     * matching/pass.ts). Resolves with the ids of the listings whose flag
     * stays cleared (or that are gone).
     */
    async clearFlag(
      type: ListingType,
      flag: DirtyFlag,
      listings: Pick<AnyListing, '_id' | 'rev'>[],
      also?: (id: string) => { set: Record<string, unknown>; events: PendingEvent[] } | undefined,
    ): Promise<string[]> {
      if (!listings.length) return [];
      const cleared: string[] = [];
      const model = models[type];
      await withListingLocks(
        listings.map((l) => l._id),
        () =>
          mapLimit(listings, CLEAR_CONCURRENCY, async (l) => {
            const { set = {}, events = [] } = also?.(String(l._id)) ?? {};
            const before = await model
              // (No projection: FerretDB does not support one in findAndModify.)
              .findOneAndUpdate({ _id: l._id }, carry({ $set: { ...set, [flag]: false } }, events), {
                timestamps: false,
              })
              .lean<Pick<AnyListing, 'rev'>>();
            if (before && (before.rev ?? 0) !== (l.rev ?? 0))
              await model.updateOne({ _id: l._id }, { $set: { [flag]: true } }, { timestamps: false });
            else cleared.push(String(l._id));
          }),
      );
      return cleared;
    },

    /** Sets flags on listings (their projection must be recomputed), each by `_id` under its lock. */
    async flag(type: ListingType, ids: unknown[], flags: DirtyFlag[]): Promise<void> {
      const set = Object.fromEntries(flags.map((f) => [f, true]));
      await mapLimit([...new Set(ids.map(String))], CLEAR_CONCURRENCY, (id) =>
        withListingLock(id, () => models[type].updateOne({ _id: id }, { $set: set, $inc: { rev: 1 } })),
      );
    },

    /** An organisation's listing ids of a type, oldest first (key collection). */
    idsOf: (orgId: unknown, type: ListingType) => orgListings.get(`${orgId}:${type}`),

    /**
     * The listings an organisation imported under the given references: its
     * key of references (one read per file), then each listing found by `_id`.
     */
    async findByRefs(orgId: string, type: ListingType, wanted: string[]): Promise<Map<string, AnyListing>> {
      const want = new Set(wanted);
      const ids = (await refs.get(`${orgId}:${type}`))
        // "<listing id>:<reference>": the id is 24 hex characters, the reference anything after.
        .filter((entry) => want.has(entry.slice(25)))
        .map((entry) => entry.slice(0, 24));
      const found = await findEachById<AnyListing>(models[type], ids, undefined, 16);
      return new Map(found.filter((l) => !l.deletedAt && l.externalRef).map((l) => [l.externalRef as string, l]));
    },

    /** Listings now waiting for review join the moderation queue. */
    queueForReview: (type: ListingType, ids: unknown[]) => moderation.add(type, ids.map(String)),
    /** The listings of the moderation queue that still wait (the others leave it). */
    async waitingForReview(type: ListingType): Promise<AnyListing[]> {
      const listings = await findEachById<AnyListing>(models[type], await moderation.get(type));
      const waiting = listings.filter((l) => l.status === 'pending_review' && !l.deletedAt);
      const left = new Set(listings.map((l) => String(l._id)));
      for (const l of waiting) left.delete(String(l._id));
      await moderation.remove(type, [...left]);
      return waiting;
    },

    /** scan: listings with a status, for the administrators' list of statuses other than pending (an admin tool). */
    scanWithStatus: (type: ListingType, status: string) =>
      models[type].find({ status, deletedAt: null }).sort({ updatedAt: 1 }).limit(500).lean<AnyListing[]>(),
    /** scan: published listings, optionally of some provinces or a sector (operators' statistics). */
    scanPublished: (type: ListingType, filter: { provinces?: string[]; sector?: string }, projection: Projection) =>
      models[type]
        .find(
          {
            status: 'published',
            deletedAt: null,
            ...(filter.provinces ? { province: { $in: filter.provinces } } : {}),
            ...(filter.sector ? { sectors: filter.sector } : {}),
          },
          projection,
        )
        .lean<AnyListing[]>(),
    /** scan: ids of listings with a flag set (the sweep for a crash between a write and its enqueue). */
    scanFlagged: async (type: ListingType, flag: DirtyFlag) =>
      (await models[type].find({ [flag]: true }, { _id: 1 }).lean()).map((l) => String(l._id)),
    /** scan: ids of the listings a user wrote (background: a user's suspension). */
    scanIdsByAuthor: async (type: ListingType, authorId: string) =>
      (await models[type].find({ authorId }, { _id: 1 }).lean()).map((l) => String(l._id)),
    /** scan: one page of every listing in `_id` order (maintenance scripts: reindex, rematch). */
    scanPage: (type: ListingType, afterId: unknown, limit: number) =>
      models[type]
        .find(afterId ? { _id: { $gt: afterId } } : {})
        .sort({ _id: 1 })
        .limit(limit)
        .lean<AnyListing[]>(),
    /** scan: how many listings of a type exist (maintenance scripts' progress). */
    scanCount: (type: ListingType) => models[type].countDocuments({}),
  };
});

export type ListingStore = ReturnType<typeof listingStore>;
