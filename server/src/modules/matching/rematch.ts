import { listingTypes } from '@techbridge/shared';
import type { Db } from '../../platform/db';
import type { AnyListing } from '../listings/model';
import { listingStore } from '../listings/store';
import type { MatchWorker } from './worker';

/** Recomputes every listing's matches, reading all of them (`npm run rematch`, e.g. after a scoring change). */
export async function rematchAll(
  db: Db,
  worker: MatchWorker,
  onProgress?: (done: number, total: number) => void,
): Promise<{ listings: number; ms: number }> {
  const started = Date.now();
  const store = listingStore(db);
  const totals = await Promise.all(listingTypes.map((t) => store.scanCount(t)));
  const total = totals.reduce((a, b) => a + b, 0);
  let done = 0;
  for (const type of listingTypes) {
    for (let lastId: unknown = null; ; ) {
      const batch = await store.scanPage(type, lastId, 200);
      if (!batch.length) break;
      const complete: AnyListing[] = [];
      for (const listing of batch) {
        if (await worker.processAlone(type, listing, { scanAll: true })) complete.push(listing);
        done += 1;
        onProgress?.(done, total);
      }
      await store.clearFlag(type, 'matchDirty', complete);
      lastId = batch[batch.length - 1]._id;
    }
  }
  return { listings: done, ms: Date.now() - started };
}
