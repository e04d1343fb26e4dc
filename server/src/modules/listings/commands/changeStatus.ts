import type { ListingType } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { conflict, notFound } from '../../../platform/errors';
import { carry } from '../../../platform/events/pending';
import type { PendingEvent } from '../../../platform/events/types';
import { organizationStore } from '../../organizations/store';
import type { AnyListing, ListingImage } from '../model';
import { archivableFrom, publishableFrom } from '../policy';
import { listingStore } from '../store';
import { removeAllImageFiles } from './images';
import { afterListingWrite, dirty, touched } from './written';

/**
 * Changes a listing's status only from the given states (checked and written
 * under the listing's lock), carrying the events of the change.
 */
export async function transition(
  ctx: AppContext,
  type: ListingType,
  id: unknown,
  from: string[],
  set: Record<string, unknown>,
  options: { events?: PendingEvent[]; firstPublication?: boolean } = {},
): Promise<AnyListing> {
  const events = options.events ?? [];
  const { updated, current } = await listingStore(ctx.db).updateIf(
    type,
    id,
    (l) => !l.deletedAt && from.includes(l.status),
    carry({ $set: { ...set, ...dirty }, ...touched }, events),
  );
  if (!updated) {
    throw current && !current.deletedAt
      ? conflict('This listing cannot move to that state from its current one')
      : notFound();
  }
  await afterListingWrite(ctx, type, updated._id, {
    events,
    firstPublishedRev: options.firstPublication ? (updated.rev ?? 0) : undefined,
  });
  return updated;
}

/**
 * Publishing goes live at once for a verified organisation, else waits for
 * moderation. `options.now`: the clock of the publication (the demo world's
 * listings were published over the past year).
 */
export async function publishListing(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  options: { now?: Date } = {},
): Promise<AnyListing> {
  const org = await organizationStore(ctx.db).findById(listing.organizationId);
  const live = !!org?.verified;
  const first = live && !listing.publishedAt;
  const updated = await transition(
    ctx,
    type,
    listing._id,
    publishableFrom,
    {
      status: live ? 'published' : 'pending_review',
      rejectionReason: null,
      ...(live ? { publishedAt: listing.publishedAt ?? options.now ?? new Date() } : {}),
    },
    {
      // Alerts go out for a listing's first publication only.
      events: first ? [ctx.events.create('listing.published', { type, listingIds: [String(listing._id)] })] : [],
      firstPublication: first,
    },
  );
  if (!live) await listingStore(ctx.db).queueForReview(type, [listing._id]);
  return updated;
}

export function archiveListing(ctx: AppContext, type: ListingType, listing: AnyListing): Promise<AnyListing> {
  return transition(ctx, type, listing._id, archivableFrom, { status: 'archived' });
}

/**
 * Soft delete: the record stays for deals and statistics, but is gone from
 * every view and from search; its images (files and entries) are removed.
 */
export async function deleteListing(ctx: AppContext, type: ListingType, listing: AnyListing): Promise<void> {
  const { current } = await listingStore(ctx.db).updateIf(type, listing._id, () => true, {
    $set: { deletedAt: new Date(), images: [], ...dirty },
    ...touched,
  });
  await afterListingWrite(ctx, type, listing._id);
  if (current) await removeAllImageFiles(ctx, (current.images ?? []) as ListingImage[]);
}
