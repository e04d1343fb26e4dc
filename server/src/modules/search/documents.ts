import type { ListingType } from '@techbridge/shared';
import type { Db } from '../../platform/db';
import { accountStore } from '../accounts/store';
import type { AnyListing } from '../listings/model';
import { organizationStore } from '../organizations/store';
import { type ListingSearchDoc, searchDocId, toSearchDoc } from './listingsIndex';

/**
 * What the index should hold for these listings: a document for each one
 * visible (published, not deleted, its organisation and author active), a
 * removal for the rest. Organisations and authors are read by `_id`.
 */
export async function documentsFor(db: Db, type: ListingType, listings: AnyListing[]) {
  const [orgs, authors] = await Promise.all([
    organizationStore(db).mapById(listings.map((l) => l.organizationId)),
    accountStore(db).findUsers(listings.map((l) => l.authorId)),
  ]);
  const suspendedAuthors = new Set(authors.filter((u) => u.status === 'suspended').map((u) => String(u._id)));
  const upserts: ListingSearchDoc[] = [];
  const deletes: string[] = [];
  for (const listing of listings) {
    const org = orgs.get(String(listing.organizationId));
    // A suspended organisation's or author's listings leave search.
    const visible =
      listing.status === 'published' &&
      !listing.deletedAt &&
      org?.status === 'active' &&
      !suspendedAuthors.has(String(listing.authorId));
    if (visible && org) upserts.push(toSearchDoc(type, listing, org));
    else deletes.push(searchDocId(type, String(listing._id)));
  }
  return { upserts, deletes };
}
