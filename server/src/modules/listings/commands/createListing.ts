import type { DemandInput, ListingType, OfferInput } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { forbidden } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import type { AnyListing } from '../model';
import { listingStore } from '../store';
import { toStored } from './written';

/** A new draft of the author's organisation (drafts are neither indexed nor matched). */
export async function createListing(
  ctx: AppContext,
  type: ListingType,
  author: AuthUser,
  input: OfferInput | DemandInput,
  /** `id`: a chosen `_id` (the demo world's), making a repeated call return the listing stored already. */
  options: { id?: string } = {},
): Promise<AnyListing> {
  if (!author.organizationId) throw forbidden('Only members of an organisation can create listings');
  return listingStore(ctx.db).create(type, {
    ...(options.id ? { _id: options.id } : {}),
    ...toStored(type, input as Record<string, unknown>),
    organizationId: author.organizationId,
    authorId: author.id,
    status: 'draft',
    searchDirty: false,
  });
}
