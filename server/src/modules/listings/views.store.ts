import type { Model } from 'mongoose';
import { defineStore, storedAlready } from '../../platform/db';

/** The daily viewers of listings: claimed by inserting derived `_id`s, never queried by anything else. */
export const viewerStore = defineStore((connection) => {
  const Viewer = connection.model('ListingViewer') as unknown as Model<{ _id: string; day: string }>;
  return {
    /** Inserts the keys not there yet; resolves with those this call inserted (the first views of the day). */
    async claim(docs: { _id: string; day: string }[]): Promise<Set<string>> {
      if (!docs.length) return new Set();
      const refused = new Set<number>();
      try {
        await Viewer.insertMany(docs, { ordered: false });
      } catch (err) {
        for (const i of storedAlready(err)) refused.add(i);
      }
      return new Set(docs.filter((_, i) => !refused.has(i)).map((d) => d._id));
    },
  };
});
