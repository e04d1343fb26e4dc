import { type LandingDto, searchQuerySchema } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { searchListings } from '../search/query';
import { dealsUnderWay } from './counters';

const NEWEST = 3;
/** Figures this young are served as they are: a burst of visitors asks the index once. */
const FRESH_MS = 15_000;
const cache = new WeakMap<
  AppContext['search'],
  {
    at: number;
    value: Promise<Omit<LandingDto, 'counters'> & { counts: Omit<LandingDto['counters'], 'dealsUnderWay'> }>;
  }
>();

async function fromIndex(ctx: AppContext) {
  const [all, offers, demands] = await Promise.all([
    searchListings(ctx.search, searchQuerySchema.parse({ limit: 1 })),
    searchListings(ctx.search, searchQuerySchema.parse({ type: 'offer', sort: 'newest', limit: NEWEST })),
    searchListings(ctx.search, searchQuerySchema.parse({ type: 'demand', sort: 'newest', limit: NEWEST })),
  ]);
  return {
    counts: {
      offers: all.facets.type.offer ?? 0,
      demands: all.facets.type.demand ?? 0,
      provinces: Object.values(all.facets.province).filter((n) => n > 0).length,
    },
    sectors: all.facets.sector,
    newest: { offers: offers.hits, demands: demands.hits },
  };
}

/**
 * What the landing page shows: published listings counted by the search
 * index's facets (no listing is read), the newest offers and demands from the
 * index, and the deals under way as the background count last found them.
 */
export async function landingSummary(ctx: AppContext): Promise<LandingDto> {
  let entry = cache.get(ctx.search);
  if (!entry || Date.now() - entry.at > FRESH_MS) {
    entry = { at: Date.now(), value: fromIndex(ctx) };
    cache.set(ctx.search, entry);
    // A failure is not cached: the next visitor asks again.
    entry.value.catch(() => cache.delete(ctx.search));
  }
  const { counts, sectors, newest } = await entry.value;
  return { counters: { ...counts, dealsUnderWay: dealsUnderWay(ctx.db) }, sectors, newest };
}

/** Forgets the cached figures (tests that write listings and read the landing at once). */
export function forgetLandingSummary(ctx: AppContext): void {
  cache.delete(ctx.search);
}
