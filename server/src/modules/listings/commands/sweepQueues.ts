import { listingTypes } from '@techbridge/shared';
import type { Db } from '../../../platform/db';
import { listingQueue } from '../queue.store';
import { listingStore } from '../store';

/**
 * Queues every flagged listing that has no queue entry: what a crash between
 * a write and its enqueue left behind. Reads the listings collections (a full
 * scan on FerretDB), so the search sync runs it at start and then rarely.
 * Resolves with how many were found.
 */
export async function sweepQueues(db: Db): Promise<number> {
  const queue = listingQueue(db);
  let found = 0;
  for (const flag of ['searchDirty', 'matchDirty'] as const) {
    for (const type of listingTypes) {
      // The queue first: an entry removed after this read belonged to a listing whose flag was
      // cleared before its removal, so the flags read next do not count it as missing.
      const queued = await queue.scanQueuedIds(flag, type);
      const missing = (await listingStore(db).scanFlagged(type, flag)).filter((id) => !queued.has(id));
      await queue.enqueue([flag], type, missing);
      found += missing.length;
    }
  }
  return found;
}
