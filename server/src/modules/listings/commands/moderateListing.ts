import type { ListingType } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import type { AnyListing } from '../model';
import { listingStore } from '../store';
import { transition } from './changeStatus';

/** An administrator publishes a listing waiting for review; its owners hear of it, and a first publication alerts. */
export async function approveListing(ctx: AppContext, type: ListingType, id: string): Promise<AnyListing> {
  const before = await listingStore(ctx.db).findById(type, id, { publishedAt: 1 });
  const first = !before?.publishedAt;
  return transition(
    ctx,
    type,
    id,
    ['pending_review'],
    { status: 'published', publishedAt: before?.publishedAt ?? new Date(), rejectionReason: null },
    {
      events: [
        ctx.events.create('listing.moderated', { type, listingId: id, decision: 'approved' }),
        ...(first ? [ctx.events.create('listing.published', { type, listingIds: [id] })] : []),
      ],
      firstPublication: first,
    },
  );
}

export function rejectListing(ctx: AppContext, type: ListingType, id: string, reason: string): Promise<AnyListing> {
  return transition(
    ctx,
    type,
    id,
    ['pending_review'],
    { status: 'rejected', rejectionReason: reason },
    { events: [ctx.events.create('listing.moderated', { type, listingId: id, decision: 'rejected', reason })] },
  );
}
