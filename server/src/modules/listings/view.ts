import type { ListingType } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { forbidden, notFound } from '../../platform/errors';
import type { AuthUser } from '../../platform/principal';
import { dealStore } from '../deals/store';
import { orgSummary } from '../organizations/presenter';
import { organizationStore } from '../organizations/store';
import type { AnyListing, Demand, Offer } from './model';
import { canReadListing, listingPolicies } from './policy';
import { presentDemand, presentOffer } from './presenter';
import { listingStore } from './store';

/** Loads a listing the viewer may read; anything else is a 404, so hidden listings do not reveal that they exist. */
export async function loadReadableListing(
  ctx: AppContext,
  type: ListingType,
  id: string,
  viewer: AuthUser | null,
): Promise<AnyListing> {
  const listing = await listingStore(ctx.db).findById(type, id);
  if (!listing || !canReadListing(viewer, listing))
    throw notFound(type === 'offer' ? 'Offer not found' : 'Demand not found');
  return listing;
}

/** Loads a listing for a change by its owner: 404 if unreadable, 403 if readable but not theirs. */
export async function loadOwnListing(
  ctx: AppContext,
  type: ListingType,
  id: string,
  viewer: AuthUser,
): Promise<AnyListing> {
  const listing = await loadReadableListing(ctx, type, id, viewer);
  if (!listingPolicies(viewer, listing).update) throw forbidden('Only the owner organisation can change this listing');
  return listing;
}

/**
 * Presents listings for a viewer, with the policies computed per listing.
 * Organisations and NDA grants are read by `_id` (each once).
 */
export async function presentListings(
  ctx: AppContext,
  type: ListingType,
  listings: AnyListing[],
  viewer: AuthUser | null,
) {
  const orgs = await organizationStore(ctx.db).mapById(listings.map((l) => l.organizationId));
  // Counterparts who signed the NDA in a deal and were granted access see the confidential details too.
  const viewerOrg = viewer?.organizationId;
  const granted =
    type === 'offer' && viewerOrg
      ? await dealStore(ctx.db).grantedOffers(
          viewerOrg,
          listings.filter((l) => String(l.organizationId) !== viewerOrg).map((l) => String(l._id)),
        )
      : new Set<string>();
  return listings.map((l) => {
    const org = orgSummary(orgs.get(String(l.organizationId)), l.organizationId);
    const base = listingPolicies(viewer, l);
    const policies = { ...base, seeConfidential: base.seeConfidential || granted.has(String(l._id)) };
    const data =
      type === 'offer'
        ? presentOffer(l as Offer, org, { confidential: policies.seeConfidential })
        : presentDemand(l as Demand, org);
    return { data, policies };
  });
}

export async function presentListing(ctx: AppContext, type: ListingType, listing: AnyListing, viewer: AuthUser | null) {
  const [presented] = await presentListings(ctx, type, [listing], viewer);
  return presented;
}

/**
 * An organisation's own listings of a type (not deleted), newest changes
 * first: its key collection, then each by `_id` — the newest `limit` created.
 */
export async function listingsOf(ctx: AppContext, type: ListingType, orgId: string, status?: string, limit = 500) {
  const store = listingStore(ctx.db);
  const ids = (await store.idsOf(orgId, type)).slice(-limit);
  const listings = await store.findEachById(type, ids, undefined, 16);
  return listings
    .filter((l) => !l.deletedAt && (!status || l.status === status))
    .sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime());
}
