import type { ListingType } from '@techbridge/shared';
import { defineStore } from '../../platform/db';
import { keyIndex } from '../../platform/keyIndex';

/** How many bookmarks a user keeps (the newest). */
export const MAX_BOOKMARKS = 500;

export interface Bookmark {
  type: ListingType;
  listingId: string;
}

const entry = (b: Bookmark) => `${b.type}:${b.listingId}`;
const parse = (e: string): Bookmark => {
  const [type, listingId] = e.split(':');
  return { type: type as ListingType, listingId };
};

/** Each user's saved listings: one key document per user, read and written by `_id`. */
export const bookmarkStore = defineStore((connection) => {
  const byUser = keyIndex(connection, 'UserBookmarks');
  return {
    /** The user's bookmarks, newest first. */
    async of(userId: string): Promise<Bookmark[]> {
      return (await byUser.get(userId)).map(parse).reverse();
    },
    /** Saves a listing (once); resolves false when it was already saved. */
    async add(userId: string, bookmark: Bookmark): Promise<boolean> {
      const had = (await byUser.get(userId)).includes(entry(bookmark));
      if (!had) await byUser.add(userId, [entry(bookmark)], MAX_BOOKMARKS);
      return !had;
    },
    /** Removes a listing from the user's bookmarks; resolves false when it was not there. */
    async remove(userId: string, listingId: string): Promise<boolean> {
      const found = (await byUser.get(userId)).filter((e) => parse(e).listingId === listingId);
      if (found.length) await byUser.remove(userId, found);
      return found.length > 0;
    },
  };
});
