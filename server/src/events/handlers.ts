import type { ListingType, MatchListingRef, SavedSearchInput } from '@techbridge/shared';
import type { AppContext } from '../context';
import { type AnyListing, listingModel } from '../listings/service';
import type { Match } from '../models/match';
import { membersOf, notifyUsers } from '../notifications/service';
import { presentMatch } from '../presenters/match';
import { toSearchDoc } from '../search/listingsIndex';
import { savedSearchMatches } from '../search/savedSearchMatch';
import { registerDealHandlers } from './dealHandlers';

const live = (l: AnyListing | null): l is AnyListing => !!l && l.status === 'published' && !l.deletedAt;

/**
 * What each domain event does. Every handler re-reads the current state and
 * re-checks who may see it at delivery time, then emits presenter output to
 * the rooms of exactly those users and organisations.
 */
export function registerHandlers(ctx: AppContext): void {
  const { models } = ctx.db;
  registerDealHandlers(ctx);

  /** A new match goes to both organisations, and to no one else. */
  ctx.events.on('match.created', async (event) => {
    const match = await models.Match.findById(event.data.matchId).lean<Match>();
    if (!match?.active) return;
    const fields = { title: 1, status: 1, deletedAt: 1, organizationId: 1 };
    // Each read by _id (the only filter FerretDB answers from an index).
    const orgFields = { name: 1, status: 1 };
    const [offer, demand, offerOrg, demandOrg] = await Promise.all([
      models.Offer.findById(match.offerId, fields).lean<AnyListing>(),
      models.Demand.findById(match.demandId, fields).lean<AnyListing>(),
      models.Organization.findById(match.offerOrgId, orgFields).lean(),
      models.Organization.findById(match.demandOrgId, orgFields).lean(),
    ]);
    const orgs = [offerOrg, demandOrg];
    if (!offer || !demand || !live(offer) || !live(demand)) return;
    // Both organisations active, and two of them (never a match of an organisation with itself).
    if (orgs.some((o) => o?.status !== 'active') || String(match.offerOrgId) === String(match.demandOrgId)) return;
    const name = new Map(orgs.map((o) => [String(o!._id), o!.name]));
    const ref = (l: AnyListing): MatchListingRef => ({
      id: String(l._id),
      title: l.title,
      organization: { id: String(l.organizationId), name: name.get(String(l.organizationId)) ?? '' },
    });
    const [offerRef, demandRef] = [ref(offer), ref(demand)];
    const sides = [
      [String(match.offerOrgId), offerRef, demandRef],
      [String(match.demandOrgId), demandRef, offerRef],
    ] as const;
    // The live event first; persisting notifications takes longer.
    for (const [orgId] of sides) {
      ctx.realtime.toOrg(orgId, 'match:new', { match: presentMatch(match, offerRef, demandRef, orgId) });
    }
    for (const [orgId, own, other] of sides) {
      await notifyUsers(ctx, await membersOf(ctx, [orgId]), 'match.new', {
        matchId: String(match._id),
        score: match.score,
        listingType: own === offerRef ? 'offer' : 'demand',
        listingId: own.id,
        listingTitle: own.title,
        counterpartTitle: other.title,
        counterpartOrganization: other.organization.name,
      });
    }
  });

  /**
   * First publications (one listing, or a batch from an import or a
   * verification): saved-search alerts (once per search and listing) and
   * sector followers. Searches and follows are read once per event.
   */
  ctx.events.on('listing.published', async (event) => {
    const type = event.data.type as ListingType;
    const ids = (event.data.listingIds as string[] | undefined) ?? [];
    // By _id each: FerretDB reads the whole collection for `$in`.
    const model = listingModel(models, type);
    const listings = (await Promise.all(ids.map((id) => model.findById(id).lean<AnyListing>()))).filter(live);
    if (!listings.length) return;
    const orgs = new Map(
      (
        await models.Organization.find({
          _id: { $in: [...new Set(listings.map((l) => String(l.organizationId)))] },
          status: 'active',
        }).lean()
      ).map((o) => [String(o._id), o]),
    );
    const searches = await models.SavedSearch.find({}).lean();
    const sectors = [...new Set(listings.flatMap((l) => l.sectors))];
    const follows = await models.Follow.find({ sector: { $in: sectors } }).lean();

    for (const listing of listings) {
      const org = orgs.get(String(listing.organizationId));
      if (!org) continue;
      const doc = toSearchDoc(type, listing, org);
      const own = String(listing.organizationId);
      const base = {
        listingType: type,
        listingId: String(listing._id),
        listingTitle: listing.title,
        organization: org.name,
      };
      for (const s of searches) {
        if (String(s.organizationId) === own) continue;
        if (!savedSearchMatches(s.query as SavedSearchInput['query'], doc)) continue;
        try {
          await models.SavedSearchHit.create({ savedSearchId: s._id, listingKey: `${type}:${listing._id}` });
        } catch (err) {
          if ((err as { code?: number }).code === 11000) continue; // already alerted: fire once
          throw err;
        }
        await notifyUsers(ctx, [String(s.userId)], 'saved_search.hit', {
          ...base,
          savedSearchId: String(s._id),
          savedSearchName: s.name,
        });
      }
      const sectorsByUser = new Map<string, string[]>();
      for (const f of follows) {
        if (String(f.organizationId) === own || !listing.sectors.includes(f.sector)) continue;
        sectorsByUser.set(String(f.userId), [...(sectorsByUser.get(String(f.userId)) ?? []), f.sector]);
      }
      for (const [userId, followed] of sectorsByUser) {
        await notifyUsers(ctx, [userId], 'sector.new_listing', { ...base, sectors: followed });
      }
    }
  });

  /** The owner organisation hears that its listing was approved or rejected (with the reason). */
  ctx.events.on('listing.moderated', async (event) => {
    const type = event.data.type as ListingType;
    const listing = await listingModel(models, type).findById(event.data.listingId).lean<AnyListing>();
    if (!listing) return;
    const approved = event.data.decision === 'approved';
    await notifyUsers(
      ctx,
      await membersOf(ctx, [listing.organizationId]),
      approved ? 'listing.approved' : 'listing.rejected',
      {
        listingType: type,
        listingId: String(listing._id),
        listingTitle: listing.title,
        ...(approved ? {} : { reason: event.data.reason }),
      },
    );
  });
}
