import { listingTypes } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { type DirtyFlag, listingQueue } from '../queue.store';
import { listingStore } from '../store';

/**
 * Flags an organisation's or an author's listings for one worker (the search
 * sync or the matcher) and queues them: their projection is recomputed from
 * their current state, e.g. after a suspension. Idempotent. An author's
 * listings are found by a scan (background processors only).
 */
export async function reflagListings(
  ctx: AppContext,
  owner: { organizationId: string } | { authorId: string },
  flag: DirtyFlag,
): Promise<number> {
  const store = listingStore(ctx.db);
  let count = 0;
  for (const type of listingTypes) {
    const ids =
      'organizationId' in owner
        ? await store.idsOf(owner.organizationId, type)
        : await store.scanIdsByAuthor(type, owner.authorId);
    await store.flag(type, ids, [flag]);
    await listingQueue(ctx.db).enqueue([flag], type, ids);
    count += ids.length;
  }
  return count;
}
