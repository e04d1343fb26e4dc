import { demandTerms, type ListingType, offerTerms, queryTokens, type SearchHit, type Term } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { searchEach } from '../../platform/search/client';
import type { AnyListing, Demand, Offer } from '../listings/model';
import { highlighter } from './highlight';
import { LISTINGS_INDEX, type ListingSearchDoc } from './listingsIndex';
import { retrieved, toSearchHit } from './query';

/** Concepts searched one by one (besides all terms together). */
const CONCEPT_QUERIES = 3;

/** A listing's terms as the matcher reads them (see termsOf). */
export const listingTerms = (type: ListingType, listing: AnyListing): Map<string, Term> =>
  type === 'offer' ? offerTerms(listing as Offer) : demandTerms(listing as Demand);

/**
 * The queries that find listings about the same things as a listing: its
 * specific terms together (the strongest first, as many as the engine
 * reads), and each of its strongest concepts alone, so that a listing about
 * two things finds listings about either. A concept found by its name finds
 * every listing that names it any way (synonyms, abbreviations, English:
 * the index holds them; see conceptExpansions). `terms`: the listing's own,
 * when the caller has them already (the matcher scores with them too).
 */
export function termQueries(
  type: ListingType,
  listing: AnyListing,
  terms: ReadonlyMap<string, Term> = listingTerms(type, listing),
): string[] {
  const specific = [...terms.values()].filter((t) => t.specific).sort((a, b) => b.weight - a.weight);
  const together = queryTokens(specific.map((t) => t.concept?.name ?? t.surface).join(' '));
  const concepts = specific
    .filter((t) => t.concept)
    .slice(0, CONCEPT_QUERIES)
    .map((t) => queryTokens(t.concept?.name ?? ''));
  return [...new Set([together, ...concepts])].filter(Boolean);
}

/**
 * Published listings of the same type about the same things, best first:
 * the term queries run together, each hit ranked by its best score, the
 * listing's sectors as a fallback when it names nothing specific. Only what
 * the index holds (published listings) can appear.
 */
export async function similarListings(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  limit = 6,
): Promise<SearchHit[]> {
  const index = ctx.search.client.index<ListingSearchDoc>(ctx.search.indexName(LISTINGS_INDEX));
  const self = String(listing._id);
  const filter = [`type = "${type}"`];
  // One more than needed: the listing itself is among the hits, and left out.
  const results = await searchEach<ListingSearchDoc>(
    ctx.search,
    LISTINGS_INDEX,
    termQueries(type, listing).map((q, i) => ({
      q,
      filter,
      limit: limit + 1,
      attributesToRetrieve: [...retrieved],
      showRankingScore: true,
      matchingStrategy: i === 0 ? ('frequency' as const) : ('all' as const),
    })),
  );
  const best = new Map<string, { hit: (typeof results)[number]['hits'][number]; score: number }>();
  for (const hit of results.flatMap((r) => r.hits)) {
    if (hit.listingId === self) continue;
    const score = hit._rankingScore ?? 0;
    const known = best.get(hit.listingId);
    if (!known || known.score < score) best.set(hit.listingId, { hit, score });
  }
  let hits = [...best.values()].sort((a, b) => b.score - a.score).map((b) => b.hit);
  if (hits.length < limit && listing.sectors.length) {
    const sectors = listing.sectors.map((s) => `"${s.replace(/["\\]/g, '')}"`).join(', ');
    const more = await index.search('', {
      filter: [...filter, `sectors IN [${sectors}]`],
      limit: limit + 1,
      sort: ['publishedAt:desc'],
      attributesToRetrieve: [...retrieved],
    });
    hits = [...hits, ...more.hits.filter((h) => h.listingId !== self && !best.has(h.listingId))];
  }
  const unmarked = highlighter([]);
  return hits.slice(0, limit).map((h) => toSearchHit(h, unmarked));
}
