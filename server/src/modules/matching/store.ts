import type { ListingType } from '@techbridge/shared';
import { defineStore, findEachById } from '../../platform/db';
import { keyIndex } from '../../platform/keyIndex';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import { type Match, type MatchModel, matchId } from './model';

/** How many match ids an organisation's key keeps (its newest). */
const ORG_MATCHES = 500;

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

  return {
    findById: (id: unknown) => Match.findById(id).lean<Match>(),
    findEachById: (ids: unknown[], concurrency?: number) => findEachById<Match>(Match, ids, undefined, concurrency),
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
      return findEachById<Match>(Match, await byOrg.get(orgId), undefined, 16);
    },

    /**
     * Writes the pair's match, creating it if it does not exist (with its
     * `origin`); resolves with its id when this call created it. The pair
     * joins both listings' and both organisations' keys.
     */
    async insertPair(sides: Sides, fields: Record<string, unknown>, origin: unknown): Promise<string | null> {
      const _id = matchId(sides.offerId, sides.demandId);
      const id = String(_id);
      // Keys first: a crash in between leaves a key naming no match (skipped), never a match no key names.
      await Promise.all([
        byListing.add(`offer:${sides.offerId}`, [id]),
        byListing.add(`demand:${sides.demandId}`, [id]),
        byOrg.add(String(sides.offerOrgId), [id], ORG_MATCHES),
        byOrg.add(String(sides.demandOrgId), [id], ORG_MATCHES),
      ]);
      type Raw = { value: unknown; lastErrorObject?: { updatedExisting?: boolean } } | null;
      let created = false;
      try {
        const raw = (await Match.findOneAndUpdate(
          { _id },
          {
            $set: { ...fields, offerOrgId: sides.offerOrgId, demandOrgId: sides.demandOrgId },
            $setOnInsert: {
              offerId: sides.offerId,
              demandId: sides.demandId,
              offerState: 'new',
              demandState: 'new',
              origin,
            },
          },
          { upsert: true, new: true, includeResultMetadata: true },
        )) as unknown as Raw;
        created = raw?.lastErrorObject?.updatedExisting === false;
      } catch (err) {
        // Another worker inserted the pair just now: update it.
        if ((err as { code?: number }).code !== 11000) throw err;
        await Match.updateOne({ _id }, { $set: fields });
      }
      return created ? id : null;
    },
    /** scan: the pairs (offer, demand) of every match, whether active, and each side's feedback (operators' statistics). */
    scanPairs: () =>
      Match.find({}, { offerId: 1, demandId: 1, active: 1, offerFeedback: 1, demandFeedback: 1 }).lean<
        Pick<Match, '_id' | 'offerId' | 'demandId' | 'active' | 'offerFeedback' | 'demandFeedback'>[]
      >(),
    /** A write of a match by `_id`. */
    update: (id: unknown, set: Record<string, unknown>) => Match.updateOne({ _id: id }, { $set: set }),
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
      perMatch(id, async () => {
        const current = await Match.findById(id).lean<Match>();
        if (current && from.includes(current[field] as string))
          return Match.findByIdAndUpdate(id, { $set: { ...also, [field]: to } }, { new: true }).lean<Match>();
        return current;
      }),
  };
});

export type MatchStore = ReturnType<typeof matchStore>;
export type { Match };
