import type { ListingType, MatchListingRef, SavedSearchInput } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { findEachById } from '../../platform/db';
import { registerDealHandlers } from '../deals/handlers';
import { type AnyListing, listingModel } from '../listings/service';
import type { Match } from '../matching/model';
import { presentMatch } from '../matching/presenter';
import { toSearchDoc } from '../search/listingsIndex';
import { savedSearchMatches } from '../search/savedSearchMatch';
import { membersOf, notifyUsers } from './service';

const live = (l: AnyListing | null): l is AnyListing => !!l && l.status === 'published' && !l.deletedAt;

/**
 * What each domain event does. Every handler re-reads the current state and
 * re-checks who may see it at delivery time, then emits presenter output to
 * the rooms of exactly those users and organisations.
 */
export function registerHandlers(ctx: AppContext): void {
  const { models } = ctx.db;
  registerDealHandlers(ctx);

  /**
   * New matches (one listing's pass: one or dozens) go to both organisations
   * of each, and to no one else: each match live, and one notification per
   * member of each organisation, naming its best new match and how many
   * there are.
   */
  ctx.events.on('match.created', async (event) => {
    // `matchId`: an event recorded before matches were grouped per pass.
    const ids = (event.data.matchIds as string[] | undefined) ?? [event.data.matchId as string];
    const matches = (await findEachById<Match>(models.Match, ids)).filter((m) => m.active);
    if (!matches.length) return;
    const fields = { title: 1, status: 1, deletedAt: 1, organizationId: 1 } as const;
    const [offers, demands, orgs] = await Promise.all([
      findEachById<AnyListing>(
        models.Offer,
        matches.map((m) => m.offerId),
        fields,
      ),
      findEachById<AnyListing>(
        models.Demand,
        matches.map((m) => m.demandId),
        fields,
      ),
      findEachById<{ _id: unknown; name: string; status: string }>(
        models.Organization,
        matches.flatMap((m) => [m.offerOrgId, m.demandOrgId]),
        { name: 1, status: 1 },
      ),
    ]);
    const byId = <T extends { _id: unknown }>(docs: T[]) => new Map(docs.map((d) => [String(d._id), d]));
    const [offerById, demandById, orgById] = [byId(offers), byId(demands), byId(orgs)];
    const ref = (l: AnyListing): MatchListingRef => ({
      id: String(l._id),
      title: l.title,
      organization: { id: String(l.organizationId), name: orgById.get(String(l.organizationId))?.name ?? '' },
    });
    type Side = { match: Match; own: MatchListingRef; other: MatchListingRef; type: ListingType };
    const perOrg = new Map<string, Side[]>();
    for (const match of matches.sort((a, b) => b.score - a.score)) {
      const offer = offerById.get(String(match.offerId)) ?? null;
      const demand = demandById.get(String(match.demandId)) ?? null;
      if (!live(offer) || !live(demand)) continue;
      const [offerOrgId, demandOrgId] = [String(match.offerOrgId), String(match.demandOrgId)];
      // Both organisations active, and two of them (never a match of an organisation with itself).
      if (offerOrgId === demandOrgId || [offerOrgId, demandOrgId].some((o) => orgById.get(o)?.status !== 'active'))
        continue;
      const [offerRef, demandRef] = [ref(offer), ref(demand)];
      const sides: [string, Side][] = [
        [offerOrgId, { match, own: offerRef, other: demandRef, type: 'offer' }],
        [demandOrgId, { match, own: demandRef, other: offerRef, type: 'demand' }],
      ];
      // The live events first; persisting notifications takes longer.
      for (const [orgId, side] of sides) {
        ctx.realtime.toOrg(orgId, 'match:new', { match: presentMatch(match, offerRef, demandRef, orgId) });
        perOrg.set(orgId, [...(perOrg.get(orgId) ?? []), side]);
      }
    }
    for (const [orgId, [best, ...more]] of perOrg) {
      await notifyUsers(ctx, await membersOf(ctx, [orgId]), 'match.new', {
        matchId: String(best.match._id),
        score: best.match.score,
        listingType: best.type,
        listingId: best.own.id,
        listingTitle: best.own.title,
        counterpartTitle: best.other.title,
        counterpartOrganization: best.other.organization.name,
        count: 1 + more.length,
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
    const listings = (await findEachById<AnyListing>(listingModel(models, type), ids, undefined, 8)).filter(live);
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
