import type { ListingPolicies, ListingStatus } from '@techbridge/shared';
import type { AuthUser } from '../../platform/principal';

interface ListingLike {
  organizationId: unknown;
  status: string;
  deletedAt?: Date | null;
}

export const isOwner = (viewer: AuthUser | null | undefined, listing: ListingLike) =>
  !!viewer?.organizationId && viewer.organizationId === String(listing.organizationId);
const isAdmin = (viewer: AuthUser | null | undefined) => viewer?.role === 'admin';

/** Published listings are public; drafts, pending, rejected and archived ones belong to their organisation (and admins). */
export function canReadListing(viewer: AuthUser | null | undefined, listing: ListingLike): boolean {
  if (listing.deletedAt) return false;
  return listing.status === 'published' || isOwner(viewer, listing) || isAdmin(viewer);
}

/** Status transitions a listing's owner may make, by current status. */
export const publishableFrom: ListingStatus[] = ['draft', 'rejected', 'archived'];
export const archivableFrom: ListingStatus[] = ['published', 'pending_review'];

export function listingPolicies(viewer: AuthUser | null | undefined, listing: ListingLike): ListingPolicies {
  const owner = isOwner(viewer, listing) && !listing.deletedAt;
  const status = listing.status as ListingStatus;
  return {
    update: owner,
    delete: owner,
    publish: owner && publishableFrom.includes(status),
    archive: owner && archivableFrom.includes(status),
    moderate: isAdmin(viewer) && status === 'pending_review',
    // Deal counterparts gain access through an NDA (deals); nobody else ever does.
    seeConfidential: owner,
  };
}
