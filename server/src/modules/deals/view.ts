import type { DealDto } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { forbidden, notFound } from '../../platform/errors';
import type { AuthUser } from '../../platform/principal';
import type { Offer } from '../listings/model';
import { listingStore } from '../listings/store';
import { organizationStore } from '../organizations/store';
import type { Deal } from './model';
import { seesConfidential } from './nda';
import { canReadDeal, isParticipant, participantOrgIds } from './policy';
import { presentDeal } from './presenter';
import { dealStore } from './store';

export async function loadReadableDeal(ctx: AppContext, id: string, viewer: AuthUser): Promise<Deal> {
  const deal = await dealStore(ctx.db).findById(id);
  if (!deal || !canReadDeal(viewer, deal)) throw notFound('Deal not found');
  return deal;
}

export async function loadParticipantDeal(ctx: AppContext, id: string, viewer: AuthUser): Promise<Deal> {
  const deal = await loadReadableDeal(ctx, id, viewer);
  if (!isParticipant(viewer, deal)) throw forbidden('Only the parties to this deal can do this');
  return deal;
}

/**
 * Presents deals for a viewer. Everything is read by `_id`, each record
 * once: the organisations, the listings (titles, and the offer's
 * confidential details where the viewer may see them) and the viewer's read
 * positions; the NDA state is on the deal itself.
 */
export async function presentDeals(ctx: AppContext, deals: Deal[], viewer: AuthUser): Promise<DealDto[]> {
  const listings = listingStore(ctx.db);
  const wantsDetails = deals.some((d) => seesConfidential(d, viewer));
  const fields: Record<string, 0 | 1> = wantsDetails ? { title: 1, confidential: 1 } : { title: 1 };
  const [orgs, offers, demands, reads] = await Promise.all([
    organizationStore(ctx.db).mapById(deals.flatMap((d) => participantOrgIds(d))),
    listings.findEachById(
      'offer',
      deals.map((d) => d.offerId),
      fields,
    ),
    listings.findEachById(
      'demand',
      deals.map((d) => d.demandId),
      { title: 1 },
    ),
    dealStore(ctx.db).readSeqs(deals.map((d) => ({ dealId: d._id, userId: viewer.id }))),
  ]);
  const byId = new Map([...offers, ...demands].map((l) => [String(l._id), l]));
  const store = dealStore(ctx.db);
  return deals.map((d) => {
    const offer = d.offerId ? (byId.get(String(d.offerId)) as Offer | undefined) : undefined;
    const details = offer?.confidential?.details;
    return presentDeal(d, viewer, {
      org: (id) => {
        const o = orgs.get(String(id));
        return o ? { id: String(o._id), name: o.name, type: o.type } : { id: String(id), name: '', type: '' };
      },
      title: (id) => byId.get(String(id))?.title ?? '',
      readSeq: reads.get(store.readKey(d._id, viewer.id)) ?? 0,
      confidential: seesConfidential(d, viewer) ? (details ? { details } : {}) : null,
    });
  });
}

export async function presentDealFor(ctx: AppContext, deal: Deal, viewer: AuthUser): Promise<DealDto> {
  return (await presentDeals(ctx, [deal], viewer))[0];
}
