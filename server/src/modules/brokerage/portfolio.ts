import type { ListingType, MandatePortfolioDto } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { forbidden } from '../../platform/errors';
import type { AuthUser } from '../../platform/principal';
import { listingStore } from '../listings/store';
import { matchStore } from '../matching/store';
import { organizationStore } from '../organizations/store';
import type { Mandate } from './model';
import { mandateSide, presentMandate } from './presenter';

const orgRef = (o: { _id: unknown; name: string; type: string } | undefined, id: unknown) =>
  o ? { id: String(o._id), name: o.name, type: o.type } : { id: String(id), name: '', type: '' };

/** Presents mandates for a viewer (organisations read by `_id`). */
export async function presentMandates(ctx: AppContext, mandates: Mandate[], viewer: AuthUser) {
  const orgs = await organizationStore(ctx.db).mapById(mandates.flatMap((m) => [m.brokerOrgId, m.clientOrgId]));
  return mandates.map((m) => presentMandate(m, viewer, (id) => orgRef(orgs.get(String(id)), id)));
}

/**
 * What a broker sees of its client while the mandate is active (the client
 * and administrators see it too): the client's listings, without their
 * confidential details, each with its active matches.
 */
export async function portfolio(ctx: AppContext, mandate: Mandate, viewer: AuthUser): Promise<MandatePortfolioDto> {
  if (mandateSide(viewer, mandate) === 'broker' && mandate.status !== 'active')
    throw forbidden('The client has not given (or has ended) this mandate');
  const listings = listingStore(ctx.db);
  const matches = matchStore(ctx.db);
  const fields = { title: 1, status: 1, deletedAt: 1 } as const;
  const out: MandatePortfolioDto['listings'] = [];
  for (const type of ['offer', 'demand'] as ListingType[]) {
    const ids = await listings.idsOf(mandate.clientOrgId, type);
    const own = (await listings.findEachById(type, ids, fields, 8)).filter((l) => !l.deletedAt);
    for (const l of own) {
      const pairs = l.status === 'published' ? (await matches.ofListing(type, l._id, 8)).filter((m) => m.active) : [];
      const other: ListingType = type === 'offer' ? 'demand' : 'offer';
      const counterparts = await listings.findEachById(
        other,
        pairs.map((m) => (other === 'offer' ? m.offerId : m.demandId)),
        { title: 1, organizationId: 1 },
        8,
      );
      const orgs = await organizationStore(ctx.db).mapById(counterparts.map((c) => c.organizationId));
      const byId = new Map(counterparts.map((c) => [String(c._id), c]));
      out.push({
        id: String(l._id),
        type,
        title: l.title,
        status: l.status,
        matches: pairs
          .sort((a, b) => b.score - a.score)
          .slice(0, 10)
          .flatMap((m) => {
            const c = byId.get(String(other === 'offer' ? m.offerId : m.demandId));
            if (!c) return [];
            const org = orgs.get(String(c.organizationId));
            return [
              {
                id: String(m._id),
                score: m.score,
                counterpart: {
                  id: String(c._id),
                  type: other,
                  title: c.title,
                  organization: { id: String(c.organizationId), name: org?.name ?? '' },
                },
              },
            ];
          }),
      });
    }
  }
  const [presented] = await presentMandates(ctx, [mandate], viewer);
  return { mandate: presented, listings: out };
}
