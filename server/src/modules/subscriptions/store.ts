import { defineStore, findEachById, isDuplicateKey } from '../../platform/db';
import { keyIndex } from '../../platform/keyIndex';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import type {
  FollowList,
  FollowListModel,
  SavedSearch,
  SavedSearchHitModel,
  SavedSearchList,
  SavedSearchListModel,
} from './model';

const perUser = keyedMutex();

/**
 * Every query on saved searches and followed sectors: a user's own are one
 * document read by `_id`; followers of a sector are a key collection. The
 * one scan (every saved search) serves the alerts, in the background.
 */
export const subscriptionStore = defineStore((connection) => {
  const Lists = connection.model('SavedSearchList') as SavedSearchListModel;
  const Hits = connection.model('SavedSearchHit') as SavedSearchHitModel;
  const Follows = connection.model('FollowList') as FollowListModel;
  const followers = keyIndex(connection, 'SectorFollowers');

  return {
    async savedSearches(userId: string): Promise<SavedSearch[]> {
      return ((await Lists.findById(userId).lean<SavedSearchList>())?.searches ?? []) as SavedSearch[];
    },
    /** Adds a saved search unless the user has `max` already; resolves with it, or null when full. */
    addSavedSearch: (
      userId: string,
      organizationId: string | null,
      input: { name: string; query: unknown },
      max: number,
    ) =>
      perUser(`s:${userId}`, async () => {
        const list = await Lists.findById(userId).lean<SavedSearchList>();
        if ((list?.searches.length ?? 0) >= max) return null;
        const updated = await Lists.findOneAndUpdate(
          { _id: userId },
          { $set: { organizationId }, $push: { searches: { ...input, createdAt: new Date() } } },
          { upsert: true, new: true },
        ).lean<SavedSearchList>();
        return (updated!.searches as SavedSearch[]).at(-1)!;
      }),
    /** Removes one of the user's saved searches; resolves false when it is not theirs. */
    removeSavedSearch: (userId: string, id: string) =>
      perUser(`s:${userId}`, async () => {
        const list = await Lists.findById(userId).lean<SavedSearchList>();
        const searches = (list?.searches ?? []) as SavedSearch[];
        if (!searches.some((s) => String(s._id) === id)) return false;
        // FerretDB's $pull matches whole values only: the array is rewritten.
        await Lists.updateOne({ _id: userId }, { $set: { searches: searches.filter((s) => String(s._id) !== id) } });
        return true;
      }),
    /** scan: every user's saved searches (the alerts for newly published listings, in the background). */
    scanSavedSearches: () => Lists.find({}).lean<SavedSearchList[]>(),
    /** Records that a saved search alerted about a listing; false when it already had (an alert fires once). */
    async recordHit(savedSearchId: string, listingKey: string): Promise<boolean> {
      try {
        await Hits.create({ _id: `${savedSearchId}:${listingKey}` });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },

    async follows(userId: string): Promise<{ sector: string; createdAt: Date }[]> {
      return ((await Follows.findById(userId).lean<FollowList>())?.sectors ?? []) as {
        sector: string;
        createdAt: Date;
      }[];
    },
    /** Follows a sector; resolves false when the user already did. */
    follow: (userId: string, organizationId: string | null, sector: string) =>
      perUser(`f:${userId}`, async () => {
        const list = await Follows.findById(userId).lean<FollowList>();
        if (list?.sectors.some((s) => s.sector === sector)) return false;
        await followers.add(sector, [userId]);
        await Follows.updateOne(
          { _id: userId },
          { $set: { organizationId }, $push: { sectors: { sector, createdAt: new Date() } } },
          { upsert: true },
        );
        return true;
      }),
    /** Stops following a sector; resolves false when the user did not follow it. */
    unfollow: (userId: string, sector: string) =>
      perUser(`f:${userId}`, async () => {
        const list = await Follows.findById(userId).lean<FollowList>();
        if (!list?.sectors.some((s) => s.sector === sector)) return false;
        await Follows.updateOne(
          { _id: userId },
          { $set: { sectors: list.sectors.filter((s) => s.sector !== sector) } },
        );
        await followers.remove(sector, [userId]);
        return true;
      }),
    /** The users following any of the sectors, with the organisation and sectors each follows (key collection). */
    async followersOf(sectors: string[]): Promise<FollowList[]> {
      const ids = (await Promise.all(sectors.map((s) => followers.get(s)))).flat();
      return findEachById<FollowList>(Follows, ids, undefined, 16);
    },
  };
});
