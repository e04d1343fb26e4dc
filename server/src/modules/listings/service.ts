import type { DemandInput, DemandUpdate, ListingType, OfferInput, OfferUpdate } from '@techbridge/shared';
import type { Model, Types } from 'mongoose';
import type { AppContext } from '../../context';
import type { Models } from '../../platform/db';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import { mapLimit } from '../../platform/lib/mapLimit';
import type { AuthUser } from '../accounts/passport';
import type { Organization } from '../organizations/model';
import type { Demand, Offer } from './model';
import { canReadListing, listingPolicies } from './policy';
import { presentDemand, presentOffer } from './presenter';
import { type DirtyFlag, enqueue } from './queue';

export type AnyListing = Offer | Demand;

/**
 * Every write to a listing document in this process goes through this lock.
 * FerretDB applies an update as read-modify-write; two concurrent updates of
 * one document (an edit and the search sync clearing its flag, say) could
 * otherwise lose one of them. On MongoDB the lock is merely redundant.
 */
const perListing = keyedMutex();
export function withListingLock<T>(id: unknown, work: () => Promise<T>): Promise<T> {
  return perListing(String(id), work);
}

/** The lock of every given listing at once, taken in one order so two holders never wait on each other. */
export function withListingLocks<T>(ids: unknown[], work: () => Promise<T>): Promise<T> {
  const keys = [...new Set(ids.map(String))].sort();
  const take = (i: number): Promise<T> => (i === keys.length ? work() : perListing(keys[i], () => take(i + 1)));
  return take(0);
}

/**
 * Clears a dirty flag (search index, matching) on listings that were not
 * written again since they were read, i.e. still carry the same `rev`. Each
 * listing is cleared by its bare `_id` (FerretDB reads the whole collection
 * for any other filter, `{_id, rev}` included), atomically returning the
 * state it had: if a write slipped in since the read (another `rev`), the
 * flag that write set is set again. Resolves with the ids of the listings
 * whose flag stays cleared (or that are gone).
 */
export async function clearDirtyFlag(
  model: Model<AnyListing>,
  flag: DirtyFlag,
  listings: Pick<AnyListing, '_id' | 'rev'>[],
): Promise<string[]> {
  if (!listings.length) return [];
  const cleared: string[] = [];
  await withListingLocks(
    listings.map((l) => l._id),
    async () => {
      await mapLimit(listings, CLEAR_CONCURRENCY, async (l) => {
        const before = await model
          // (No projection: FerretDB does not support one in findAndModify.)
          .findOneAndUpdate({ _id: l._id }, { $set: { [flag]: false } }, { timestamps: false })
          .lean<Pick<AnyListing, 'rev'>>();
        if (before && (before.rev ?? 0) !== (l.rev ?? 0))
          await model.updateOne({ _id: l._id }, { $set: { [flag]: true } }, { timestamps: false });
        else cleared.push(String(l._id));
      });
    },
  );
  return cleared;
}
/** Listings cleared at a time: the writes are independent, but a batch of a thousand should not flood the pool. */
const CLEAR_CONCURRENCY = 16;

export function listingModel(models: Models, type: ListingType): Model<AnyListing> {
  return (type === 'offer' ? models.Offer : models.Demand) as unknown as Model<AnyListing>;
}

/** Tenant-scoped query: an organisation's own listings (never another's). */
export function listingsOf(models: Models, type: ListingType, organizationId: string, status?: string) {
  return listingModel(models, type).find({ organizationId, deletedAt: null, ...(status ? { status } : {}) });
}

/** Loads a listing the viewer may read; anything else is a 404, so hidden listings do not reveal that they exist. */
export async function loadReadableListing(
  ctx: AppContext,
  type: ListingType,
  id: string,
  viewer: AuthUser | null,
): Promise<AnyListing> {
  const listing = await listingModel(ctx.db.models, type).findById(id).lean<AnyListing>();
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

async function orgSummaries(ctx: AppContext, ids: unknown[]) {
  const orgs = await ctx.db.models.Organization.find({ _id: { $in: [...new Set(ids.map(String))] } }).lean<
    Organization[]
  >();
  return new Map(
    orgs.map((o) => [
      String(o._id),
      { id: String(o._id), name: o.name, type: o.type, province: o.province, verified: o.verified },
    ]),
  );
}

/** Presents listings for a viewer, with the policies computed per listing. */
export async function presentListings(
  ctx: AppContext,
  type: ListingType,
  listings: AnyListing[],
  viewer: AuthUser | null,
) {
  const orgs = await orgSummaries(
    ctx,
    listings.map((l) => l.organizationId),
  );
  // Counterparts who signed the NDA in a deal and were granted access see the confidential details too.
  const granted =
    type === 'offer' && viewer?.organizationId
      ? new Set(
          (
            await ctx.db.models.NdaAccess.find(
              { offerId: { $in: listings.map((l) => l._id) }, orgId: viewer.organizationId, status: 'granted' },
              { offerId: 1 },
            ).lean()
          ).map((a) => String(a.offerId)),
        )
      : new Set<string>();
  return listings.map((l) => {
    const org = orgs.get(String(l.organizationId)) ?? {
      id: String(l.organizationId),
      name: '',
      type: '',
      province: '',
      verified: false,
    };
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
 * Every write marks the listing for the search sync and the matcher in the
 * same atomic update (`searchDirty`, `matchDirty`, `rev`), queues it for
 * them (see models/listingQueue), then wakes them.
 */
const touched = { $inc: { rev: 1 } };
const dirty = { searchDirty: true, matchDirty: true };
const BOTH: DirtyFlag[] = ['searchDirty', 'matchDirty'];

/**
 * A user's own write: queued, indexed soon, and matched ahead of any bulk
 * backlog. `firstPublishedRev`: the write published the listing for the
 * first time and gave it that rev (the matcher then knows it has no older match).
 */
async function afterWrite(ctx: AppContext, type: ListingType, id: unknown, firstPublishedRev?: number): Promise<void> {
  await enqueue(ctx.db.models, BOTH, type, [id]);
  ctx.searchSync.notify();
  if (firstPublishedRev !== undefined) ctx.matcher.firstPublished(String(id), firstPublishedRev);
  ctx.matcher.prioritize(type, String(id));
}

function toStored(type: ListingType, input: Partial<OfferInput & DemandInput>) {
  const { deadline, ...rest } = input;
  return {
    ...rest,
    ...(type === 'demand' && deadline !== undefined ? { deadline: new Date(deadline) } : {}),
  };
}

export async function createListing(
  ctx: AppContext,
  type: ListingType,
  author: AuthUser,
  input: OfferInput | DemandInput,
): Promise<AnyListing> {
  if (!author.organizationId) throw forbidden('Only members of an organisation can create listings');
  const created = await listingModel(ctx.db.models, type).create({
    ...toStored(type, input as Partial<OfferInput & DemandInput>),
    organizationId: author.organizationId,
    authorId: author.id,
    status: 'draft',
    searchDirty: false,
  });
  return created.toObject() as AnyListing;
}

/**
 * Updates a listing if its current state allows it, under the listing's
 * lock: read by `_id`, checked, written by `_id`. (A filter with more than
 * the `_id` makes FerretDB read every listing of the collection; the lock
 * keeps the check and the write together within this process, as FerretDB
 * itself applies a conditional update as read-modify-write.) Resolves with
 * the updated listing, or null with the state that refused it.
 */
async function updateIf(
  model: Model<AnyListing>,
  id: unknown,
  allowed: (current: AnyListing) => boolean,
  update: Record<string, unknown>,
  options: { runValidators?: boolean } = {},
): Promise<{ updated: AnyListing | null; current: AnyListing | null }> {
  return withListingLock(id, async () => {
    const current = await model.findById(id).lean<AnyListing>();
    if (!current || !allowed(current)) return { updated: null, current };
    const updated = await model
      .findOneAndUpdate({ _id: current._id }, update, { new: true, ...options })
      .lean<AnyListing>();
    return { updated, current };
  });
}

/** Applies an owner's change; a published listing stays published and is re-indexed. */
export async function updateListing(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  patch: OfferUpdate | DemandUpdate,
): Promise<AnyListing> {
  const { updated } = await updateIf(
    listingModel(ctx.db.models, type),
    listing._id,
    (current) => !current.deletedAt,
    { $set: { ...toStored(type, patch as Partial<OfferInput & DemandInput>), ...dirty }, ...touched },
    { runValidators: true },
  );
  if (!updated) throw notFound();
  await afterWrite(ctx, type, updated._id);
  return updated;
}

/**
 * Changes status only from the given states, atomically, so two concurrent
 * requests cannot both act on the same listing.
 */
async function transition(
  ctx: AppContext,
  type: ListingType,
  id: Types.ObjectId | string,
  from: string[],
  set: Record<string, unknown>,
  firstPublication = false,
): Promise<AnyListing> {
  const { updated, current } = await updateIf(
    listingModel(ctx.db.models, type),
    id,
    (l) => !l.deletedAt && from.includes(l.status),
    { $set: { ...set, ...dirty }, ...touched },
  );
  if (!updated) {
    throw current && !current.deletedAt
      ? conflict('This listing cannot move to that state from its current one')
      : notFound();
  }
  await afterWrite(ctx, type, updated._id, firstPublication ? (updated.rev ?? 0) : undefined);
  return updated;
}

/** Publishing goes live at once for a verified organisation, else waits for moderation. */
export async function publishListing(ctx: AppContext, type: ListingType, listing: AnyListing): Promise<AnyListing> {
  const org = await ctx.db.models.Organization.findById(listing.organizationId, { verified: 1 }).lean();
  const live = !!org?.verified;
  const updated = await transition(
    ctx,
    type,
    listing._id,
    ['draft', 'rejected', 'archived'],
    {
      status: live ? 'published' : 'pending_review',
      rejectionReason: null,
      ...(live ? { publishedAt: listing.publishedAt ?? new Date() } : {}),
    },
    live && !listing.publishedAt,
  );
  // Alerts go out for a listing's first publication only.
  if (live && !listing.publishedAt)
    await ctx.events.record('listing.published', { type, listingIds: [String(listing._id)] });
  return updated;
}

export function archiveListing(ctx: AppContext, type: ListingType, listing: AnyListing): Promise<AnyListing> {
  return transition(ctx, type, listing._id, ['published', 'pending_review'], { status: 'archived' });
}

/** Soft delete: the record stays for deals and statistics, but is gone from every view and from search. */
export async function deleteListing(ctx: AppContext, type: ListingType, listing: AnyListing): Promise<void> {
  await withListingLock(listing._id, () =>
    listingModel(ctx.db.models, type).updateOne(
      { _id: listing._id },
      { $set: { deletedAt: new Date(), ...dirty }, ...touched },
    ),
  );
  await afterWrite(ctx, type, listing._id);
}

export async function approveListing(ctx: AppContext, type: ListingType, id: string): Promise<AnyListing> {
  const before = await listingModel(ctx.db.models, type).findById(id, { publishedAt: 1 }).lean();
  const updated = await transition(
    ctx,
    type,
    id,
    ['pending_review'],
    { status: 'published', publishedAt: before?.publishedAt ?? new Date(), rejectionReason: null },
    !before?.publishedAt,
  );
  await ctx.events.record('listing.moderated', { type, listingId: id, decision: 'approved' });
  if (!before?.publishedAt) await ctx.events.record('listing.published', { type, listingIds: [id] });
  return updated;
}

export async function rejectListing(
  ctx: AppContext,
  type: ListingType,
  id: string,
  reason: string,
): Promise<AnyListing> {
  const updated = await transition(ctx, type, id, ['pending_review'], { status: 'rejected', rejectionReason: reason });
  await ctx.events.record('listing.moderated', { type, listingId: id, decision: 'rejected', reason });
  return updated;
}

/**
 * When an organisation is verified, its listings waiting for review go live,
 * a few hundred per write. The organisation hears of it once (its
 * verification notice), not once per listing; first publications still alert
 * saved searches and followers.
 */
export async function publishPendingOf(ctx: AppContext, organizationId: string): Promise<number> {
  let count = 0;
  for (const type of ['offer', 'demand'] as const) {
    const model = listingModel(ctx.db.models, type);
    const pending = await model
      .find({ organizationId, status: 'pending_review', deletedAt: null }, { _id: 1, publishedAt: 1 })
      .lean();
    const now = new Date();
    for (let start = 0; start < pending.length; start += 200) {
      const chunk = pending.slice(start, start + 200);
      const ids = chunk.map((l) => l._id);
      const firstTime = await withListingLocks(ids, async () => {
        // Still pending under the locks (an edit may have moved one meanwhile).
        const still = await model
          .find({ _id: { $in: ids }, status: 'pending_review' }, { _id: 1, publishedAt: 1, rev: 1 })
          .lean();
        const stillIds = still.map((l) => l._id);
        const fresh = still.filter((l) => !l.publishedAt).map((l) => l._id);
        const republished = still.filter((l) => l.publishedAt).map((l) => l._id);
        const go = { status: 'published', ...dirty };
        if (fresh.length)
          await model.updateMany({ _id: { $in: fresh } }, { $set: { ...go, publishedAt: now }, ...touched });
        if (republished.length) await model.updateMany({ _id: { $in: republished } }, { $set: go, ...touched });
        await enqueue(ctx.db.models, BOTH, type, stillIds);
        count += stillIds.length;
        // First publications: the matcher needs no scan of their (non-existent) older matches.
        for (const l of still) if (!l.publishedAt) ctx.matcher.firstPublished(String(l._id), (l.rev ?? 0) + 1);
        return fresh.map(String);
      });
      if (firstTime.length) await ctx.events.record('listing.published', { type, listingIds: firstTime });
    }
  }
  if (count) {
    ctx.searchSync.notify();
    ctx.matcher.notify();
  }
  return count;
}
