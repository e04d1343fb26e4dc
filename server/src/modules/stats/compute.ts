import type { StatsDto, StatsQuery } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { forbidden } from '../../platform/errors';
import type { AuthUser } from '../../platform/principal';
import { dealStore } from '../deals/store';
import { isConfirmedWin } from '../deals/wonDeals';
import { listingStore } from '../listings/store';
import { matchStore } from '../matching/store';
import { organizationStore } from '../organizations/store';

const inc = (m: Record<string, number>, k: string | number, by = 1) => {
  m[String(k)] = (m[String(k)] ?? 0) + by;
};
const addValue = (m: Record<string, { count: number; valueVnd: number }>, k: string, v: number) => {
  m[k] ??= { count: 0, valueVnd: 0 };
  m[k].count += 1;
  m[k].valueVnd += v;
};

const confirmedWin = isConfirmedWin;

/**
 * Which provinces a viewer's statistics cover: administrators see the whole
 * country; an agency (a provincial Department of S&T) sees its own province by
 * default and may ask for the national view.
 */
export async function statsScope(ctx: AppContext, viewer: AuthUser, query: StatsQuery): Promise<string[] | 'all'> {
  if (viewer.role === 'admin') return query.province ? [query.province] : 'all';
  const org = viewer.organizationId ? await organizationStore(ctx.db).findById(viewer.organizationId) : null;
  if (org?.type !== 'agency') throw forbidden('Statistics are for administrators and agencies');
  if (query.province) return [query.province];
  return query.scope === 'national' ? 'all' : [org.province];
}

/**
 * Operator statistics, computed from scans of the listings, matches and
 * deals, counted in code (FerretDB has no $lookup, $facet or accumulators
 * beyond $sum). Listings are counted by the period of their publication;
 * deals and outcomes by their creation and contract dates, and attributed to
 * the listing's sector and province.
 */
export async function computeStats(ctx: AppContext, provinces: string[] | 'all', query: StatsQuery): Promise<StatsDto> {
  const from = query.from ? new Date(query.from) : null;
  const to = query.to ? new Date(new Date(query.to).getTime() + 86_400_000) : null;
  const inPeriod = (d: Date | null | undefined) => !!d && (!from || d >= from) && (!to || d < to);
  const filter = { ...(provinces === 'all' ? {} : { provinces }), ...(query.sector ? { sector: query.sector } : {}) };
  const fields = { sectors: 1, province: 1, trl: 1, publishedAt: 1 } as const;
  const listingsStore = listingStore(ctx.db);
  const [offers, demands] = await Promise.all([
    listingsStore.scanPublished('offer', filter, fields),
    listingsStore.scanPublished('demand', filter, fields),
  ]);
  const listings = [
    ...offers.filter((l) => inPeriod(l.publishedAt)).map((l) => ({ ...l, type: 'offer' as const })),
    ...demands.filter((l) => inPeriod(l.publishedAt)).map((l) => ({ ...l, type: 'demand' as const })),
  ];
  const byListing = new Map(listings.map((l) => [String(l._id), l]));

  const out: StatsDto = {
    scope: { provinces, from: query.from ?? null, to: query.to ?? null, sector: query.sector ?? null },
    listings: { total: listings.length, byType: {}, bySector: {}, byProvince: {}, byTrl: {}, byMonth: {} },
    matches: { total: 0, feedback: {} },
    deals: { total: 0, byStage: {} },
    funnel: { listings: listings.length, matched: 0, deals: 0, nda: 0, won: 0 },
    outcomes: { count: 0, valueVnd: 0, byContractType: {}, bySector: {}, byProvince: {} },
    timeToFirstContact: { n: 0, medianDays: null, meanDays: null },
  };
  for (const l of listings) {
    inc(out.listings.byType, l.type);
    for (const s of l.sectors) inc(out.listings.bySector, s);
    inc(out.listings.byProvince, l.province);
    if (l.type === 'offer' && 'trl' in l && l.trl) inc(out.listings.byTrl, l.trl as number);
    inc(out.listings.byMonth, new Date(l.publishedAt as Date).toISOString().slice(0, 7));
  }

  const pairs = (await matchStore(ctx.db).scanPairs()).filter(
    (m) => byListing.has(String(m.offerId)) || byListing.has(String(m.demandId)),
  );
  // Why matches were dismissed ("Không phù hợp"), by each side that said so.
  for (const m of pairs)
    for (const f of [m.offerFeedback, m.demandFeedback] as ({ reason?: string } | null)[])
      if (f?.reason) inc(out.matches.feedback, f.reason);
  const matches = pairs.filter((m) => m.active);
  out.matches.total = matches.length;
  const matched = new Set<string>();
  for (const m of matches) {
    if (byListing.has(String(m.offerId))) matched.add(String(m.offerId));
    if (byListing.has(String(m.demandId))) matched.add(String(m.demandId));
  }
  out.funnel.matched = matched.size;

  const deals = (await dealStore(ctx.db).scanAll()).filter((d) => byListing.has(String(d.listingId)));
  out.deals.total = deals.length;
  const granted = new Set(deals.filter((d) => d.nda?.status === 'granted').map((d) => String(d._id)));
  const dealListings = new Set<string>();
  const firstContact = new Map<string, Date>();
  for (const d of deals) {
    inc(out.deals.byStage, d.stage);
    const key = String(d.listingId);
    dealListings.add(key);
    const seen = firstContact.get(key);
    if (!seen || d.createdAt < seen) firstContact.set(key, d.createdAt);
    const listing = byListing.get(key);
    if (confirmedWin(d) && d.outcome?.contractType && listing) {
      const value = d.outcome.valueVnd ?? 0;
      out.outcomes.count += 1;
      out.outcomes.valueVnd += value;
      addValue(out.outcomes.byContractType, d.outcome.contractType, value);
      for (const s of listing.sectors) addValue(out.outcomes.bySector, s, value);
      addValue(out.outcomes.byProvince, listing.province, value);
    }
  }
  out.funnel.deals = dealListings.size;
  out.funnel.nda = new Set(deals.filter((d) => granted.has(String(d._id))).map((d) => String(d.listingId))).size;
  out.funnel.won = new Set(deals.filter(confirmedWin).map((d) => String(d.listingId))).size;

  const days = [...firstContact.entries()]
    .map(([id, at]) => (at.getTime() - new Date(byListing.get(id)?.publishedAt as Date).getTime()) / 86_400_000)
    .filter((d) => d >= 0)
    .sort((a, b) => a - b);
  if (days.length) {
    const mid = Math.floor(days.length / 2);
    const median = days.length % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
    out.timeToFirstContact = {
      n: days.length,
      medianDays: Math.round(median * 100) / 100,
      meanDays: Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 100) / 100,
    };
  }
  return out;
}
