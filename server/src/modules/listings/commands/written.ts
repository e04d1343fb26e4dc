import type { ListingType } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import type { PendingEvent } from '../../../platform/events/types';
import { listingQueue } from '../queue.store';
import { listingStore } from '../store';

/** What every write of a listing sets in the same atomic update: both dirty flags and a new revision. */
export const dirty = { searchDirty: true, matchDirty: true } as const;
export const touched = { $inc: { rev: 1 } } as const;

/**
 * After a user's write of a listing: its events go to the outbox, it is
 * queued for the search sync and the matcher (see listingQueueSchema), the
 * index is told, and the matcher takes it ahead of any bulk backlog.
 * `firstPublishedRev`: the write published the listing for the first time
 * and gave it that rev (the matcher then knows it has no older match).
 */
export async function afterListingWrite(
  ctx: AppContext,
  type: ListingType,
  id: unknown,
  options: { events?: PendingEvent[]; firstPublishedRev?: number } = {},
): Promise<void> {
  await listingQueue(ctx.db).enqueue(['searchDirty', 'matchDirty'], type, [id]);
  ctx.indexer.notify();
  if (options.firstPublishedRev !== undefined) ctx.matcher.firstPublished(String(id), options.firstPublishedRev);
  ctx.matcher.prioritize(type, String(id));
  if (options.events?.length) await ctx.events.relay(listingStore(ctx.db).sources[type], String(id), options.events);
}

/** The stored form of validated listing input (dates as dates). */
export function toStored(type: ListingType, input: Record<string, unknown>) {
  const { deadline, ...rest } = input;
  return {
    ...rest,
    ...(type === 'demand' && deadline !== undefined ? { deadline: new Date(deadline as string) } : {}),
  };
}
