import { listingTypes } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { carry } from '../../../platform/events/pending';
import { mapLimit } from '../../../platform/lib/mapLimit';
import { listingQueue } from '../queue.store';
import { listingStore } from '../store';
import { dirty, touched } from './written';

/**
 * When an organisation is verified, its listings waiting for review go live.
 * The organisation hears of it once (its verification notice), not once per
 * listing; first publications still alert saved searches and followers,
 * through one event per type that every newly published listing carries
 * (moved to the outbox once, whichever listing's relay comes first).
 */
export async function publishPendingOf(ctx: AppContext, organizationId: string): Promise<number> {
  const store = listingStore(ctx.db);
  let count = 0;
  for (const type of listingTypes) {
    const ids = await store.idsOf(organizationId, type);
    const pending = (await store.findEachById(type, ids, { status: 1, publishedAt: 1, deletedAt: 1 }, 16)).filter(
      (l) => l.status === 'pending_review' && !l.deletedAt,
    );
    if (!pending.length) continue;
    const fresh = pending.filter((l) => !l.publishedAt).map((l) => String(l._id));
    const event = fresh.length ? [ctx.events.create('listing.published', { type, listingIds: fresh })] : [];
    const now = new Date();
    const published = await mapLimit(pending, 8, async (l) => {
      const first = !l.publishedAt;
      // Still pending under the lock (an edit may have moved it meanwhile).
      const { updated } = await store.updateIf(
        type,
        l._id,
        (c) => c.status === 'pending_review' && !c.deletedAt,
        carry(
          { $set: { status: 'published', ...dirty, ...(first ? { publishedAt: now } : {}) }, ...touched },
          first ? event : [],
        ),
      );
      // First publications: the matcher needs no scan of their (non-existent) older matches.
      if (updated && first) ctx.matcher.firstPublished(String(updated._id), updated.rev ?? 0);
      return updated;
    });
    const done = published.filter((l) => l !== null);
    await listingQueue(ctx.db).enqueue(
      ['searchDirty', 'matchDirty'],
      type,
      done.map((l) => l._id),
    );
    for (const l of done.filter((d) => fresh.includes(String(d._id))))
      await ctx.events.relay(store.sources[type], String(l._id), event);
    count += done.length;
  }
  if (count) {
    ctx.indexer.notify();
    ctx.matcher.notify();
  }
  return count;
}
