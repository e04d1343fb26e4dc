import type { DemandUpdate, ListingType, OfferUpdate } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { notFound } from '../../../platform/errors';
import type { AnyListing } from '../model';
import { listingStore } from '../store';
import { afterListingWrite, dirty, toStored, touched } from './written';

/** Applies an owner's change; a published listing stays published and is re-indexed and matched again. */
export async function updateListing(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  patch: OfferUpdate | DemandUpdate | Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<AnyListing> {
  const { updated } = await listingStore(ctx.db).updateIf(
    type,
    listing._id,
    (current) => !current.deletedAt,
    { $set: { ...toStored(type, patch as Record<string, unknown>), ...extra, ...dirty }, ...touched },
    { runValidators: true },
  );
  if (!updated) throw notFound();
  await afterListingWrite(ctx, type, updated._id);
  return updated;
}
