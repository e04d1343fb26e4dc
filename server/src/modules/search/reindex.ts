import { listingTypes } from '@techbridge/shared';
import type { Db } from '../../platform/db';
import { applied, type Search } from '../../platform/search/client';
import { listingStore } from '../listings/store';
import { documentsFor } from './documents';
import type { SearchSync } from './indexer';
import type { ListingSearchDoc } from './listingsIndex';

/**
 * Rebuilds the index from MongoDB into a fresh index and swaps it in, so
 * search keeps answering meanwhile and nothing stale survives (`npm run
 * reindex`). Reads every listing page by page (a maintenance scan).
 */
export async function reindexAll(
  db: Db,
  search: Search,
  sync: SearchSync,
  onProgress?: (done: number, total: number) => void,
): Promise<{ indexed: number; ms: number }> {
  const started = Date.now();
  const store = listingStore(db);
  const tmp = `${sync.indexUid}_rebuild_${Date.now()}`;
  await sync.ensureIndex(tmp);
  const totals = await Promise.all(listingTypes.map((t) => store.scanCount(t)));
  const total = totals.reduce((a, b) => a + b, 0);
  let done = 0;
  let indexed = 0;
  for (const type of listingTypes) {
    for (let lastId: unknown = null; ; ) {
      const batch = await store.scanPage(type, lastId, 1000);
      if (!batch.length) break;
      const { upserts } = await documentsFor(db, type, batch);
      if (upserts.length) {
        await applied(search.client, [await search.client.index<ListingSearchDoc>(tmp).addDocuments(upserts)], 120_000);
      }
      indexed += upserts.length;
      done += batch.length;
      lastId = batch[batch.length - 1]._id;
      onProgress?.(done, total);
    }
  }
  try {
    await search.client.getIndex(sync.indexUid);
  } catch {
    await applied(search.client, [await search.client.createIndex(sync.indexUid, { primaryKey: 'id' })]);
  }
  await applied(search.client, [await search.client.swapIndexes([{ indexes: [sync.indexUid, tmp], rename: false }])]);
  await applied(search.client, [await search.client.deleteIndex(tmp)]);
  sync.markReady();
  // Writes that raced the rebuild are still flagged; pushed on top.
  await sync.drain();
  return { indexed, ms: Date.now() - started };
}
