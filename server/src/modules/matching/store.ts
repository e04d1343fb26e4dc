import type { ListingType } from '@techbridge/shared';
import { castNew, defineStore, findEachById, storedAlready } from '../../platform/db';
import { keyIndex } from '../../platform/keyIndex';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import { RECENT_READ_MAX_AGE_MS, recentRecords } from '../../platform/lib/recentRecords';
import { type Match, type MatchModel, matchId } from './model';

/** How many match ids an organisation's key keeps (its newest), and how many more it may hold until trimmed. */
const ORG_MATCHES = 500;
const ORG_MATCHES_SLACK = 250;

type Sides = { offerId: unknown; demandId: unknown; offerOrgId: unknown; demandOrgId: unknown };

/**
 * Every query on matches: by `_id` (derived from the pair) and through the
 * key collections of each listing's and each organisation's matches. No
 * query filters the matches collection.
 */
export const matchStore = defineStore((connection) => {
  const Match = connection.model('Match') as MatchModel;
  const byListing = keyIndex(connection, 'ListingMatches');
  const byOrg = keyIndex(connection, 'OrgMatches');
  const perMatch = keyedMutex();
  /** Matches this instance created or read lately (see findEachRecent); every write through this store forgets its match. */
  const recent = recentRecords<Match>({ retainMs: RECENT_READ_MAX_AGE_MS, capacity: 10_000 });

  return {
    findById: (id: unknown) => Match.findById(id).lean<Match>(),
    findEachById: (ids: unknown[], concurrency?: number) => findEachById<Match>(Match, ids, undefined, concurrency),
    /**
     * findEachById for the announcement of new matches: a match this instance created or read within `maxAgeMs`,
     * and has not written since, is not read again; another instance's write shows once that is older than `maxAgeMs`.
     */
    findEachRecent: (ids: unknown[], maxAgeMs = RECENT_READ_MAX_AGE_MS): Promise<Match[]> =>
      recent.read(ids, maxAgeMs, (missing) => findEachById<Match>(Match, missing)),
    /** The stored matches of a listing with the given counterparts (derived ids). */
    forPairs: (type: ListingType, listingId: string, counterpartIds: string[], concurrency?: number) =>
      findEachById<Match>(
        Match,
        counterpartIds.map((c) => (type === 'offer' ? matchId(listingId, c) : matchId(c, listingId))),
        undefined,
        concurrency,
      ),
    /** Every match of a listing (its key collection, then each by `_id`). */
    async ofListing(type: ListingType, listingId: unknown, concurrency?: number): Promise<Match[]> {
      return findEachById<Match>(Match, await byListing.get(`${type}:${listingId}`), undefined, concurrency);
    },
    /** An organisation's newest matches (its key collection, then each by `_id`). */
    async ofOrganization(orgId: string): Promise<Match[]> {
      return findEachById<Match>(Match, (await byOrg.get(orgId)).slice(-ORG_MATCHES), undefined, 16);
    },

    /** The id of the match of a listing with a counterpart (derived from the pair). */
    pairId: (type: ListingType, listingId: string, counterpartId: string) =>
      String(type === 'offer' ? matchId(listingId, counterpartId) : matchId(counterpartId, listingId)),
    /** The ids of a listing's matches (its key collection: one read). */
    idsOfListing: (type: ListingType, listingId: unknown) => byListing.get(`${type}:${listingId}`),

    /**
     * Writes pairs' matches, creating those that do not exist (with their
     * `origin`), in one bulk command; resolves with the ids of the matches
     * this call created. Each pair joins both listings' and both
     * organisations' keys, written (in bulk too) before the matches: a crash
     * in between leaves a key naming no match (skipped), never a match no key
     * names.
     */
    async insertPairs(pairs: { sides: Sides; fields: Record<string, unknown> }[], origin: unknown): Promise<string[]> {
      if (!pairs.length) return [];
      const oids = pairs.map(({ sides }) => matchId(sides.offerId, sides.demandId));
      const ids = oids.map(String);
      const listingKeys = new Map<string, string[]>();
      const orgKeys = new Map<string, string[]>();
      const push = (keys: Map<string, string[]>, key: string, id: string) =>
        keys.set(key, [...(keys.get(key) ?? []), id]);
      pairs.forEach(({ sides }, i) => {
        push(listingKeys, `offer:${sides.offerId}`, ids[i]);
        push(listingKeys, `demand:${sides.demandId}`, ids[i]);
        push(orgKeys, String(sides.offerOrgId), ids[i]);
        push(orgKeys, String(sides.demandOrgId), ids[i]);
      });
      await Promise.all([byListing.addEach(listingKeys), byOrg.addEach(orgKeys, ORG_MATCHES, ORG_MATCHES_SLACK)]);
      // Inserted, not upserted (FerretDB applies an upsert as a read and a write; an insert is one write): a pair
      // that exists already (another worker's, just now) fails as a duplicate and is updated instead.
      const now = new Date();
      // Cast and checked as `new Match` would, without building a document per pair (see castNew).
      const docs = pairs.map(
        ({ sides, fields }, i) =>
          castNew(Match, {
            _id: oids[i],
            ...fields,
            ...sides,
            offerState: 'new',
            demandState: 'new',
            origin,
            createdAt: now,
            updatedAt: now,
          }) as Match,
      );
      const inserted = new Set(docs.map((_, i) => i));
      const mark = recent.mark();
      try {
        await Match.collection.insertMany(docs, { ordered: false });
      } catch (err) {
        const stored = storedAlready(err);
        for (const i of stored) inserted.delete(i);
        await Promise.all(
          stored.map((i) =>
            Match.updateOne({ _id: oids[i] }, { $set: pairs[i].fields }).finally(() => recent.forget(ids[i])),
          ),
        );
      }
      // Remembered as written, for the announcement (unless a match was written meanwhile: the duplicates were).
      recent.keep(
        mark,
        [...inserted].map((i) => [ids[i], docs[i]]),
        Date.now(),
      );
      return ids.filter((_, i) => inserted.has(i));
    },
    /** scan: the pairs (offer, demand) of every match, whether active, and each side's feedback (operators' statistics). */
    scanPairs: () =>
      Match.find({}, { offerId: 1, demandId: 1, active: 1, offerFeedback: 1, demandFeedback: 1 }).lean<
        Pick<Match, '_id' | 'offerId' | 'demandId' | 'active' | 'offerFeedback' | 'demandFeedback'>[]
      >(),
    /** A write of a match by `_id`. */
    update: (id: unknown, set: Record<string, unknown>) =>
      recent.writing([id], () => Match.updateOne({ _id: id }, { $set: set })),
    /**
     * Moves one side's state of a match from one of `from` to `to`, by `_id`
     * under the match's lock; resolves with the match as it is afterwards.
     */
    setState: (
      id: string,
      field: 'offerState' | 'demandState',
      from: string[],
      to: string,
      also: Record<string, unknown> = {},
    ) =>
      perMatch(id, () =>
        recent.writing([id], async () => {
          const current = await Match.findById(id).lean<Match>();
          if (current && from.includes(current[field] as string))
            return await Match.findByIdAndUpdate(id, { $set: { ...also, [field]: to } }, { new: true }).lean<Match>();
          return current;
        }),
      ),
  };
});

export type MatchStore = ReturnType<typeof matchStore>;
export type { Match };
