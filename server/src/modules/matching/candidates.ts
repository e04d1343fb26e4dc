import {
  type ListingType,
  type MatchProfile,
  type MatchScore,
  type MatchTuning,
  scoreMatch,
  type Term,
} from '@techbridge/shared';
import type { AppContext } from '../../context';
import { searchEach } from '../../platform/search/client';
import type { AnyListing, Demand, Offer } from '../listings/model';
import { LISTINGS_INDEX, type ListingSearchDoc, searchDocId } from '../search/listingsIndex';
import { termQueries } from '../search/similar';

/**
 * What a candidate's search document tells the matcher: enough to score it
 * without reading it. Its profile (`m`, the bulk of the document) comes
 * separately, only for the candidates a pass scores (see withProfiles).
 */
export type Candidate = Pick<
  ListingSearchDoc,
  'listingId' | 'orgId' | 'sectors' | 'province' | 'trl' | 'trlMin' | 'transferModes' | 'mu'
> & { m?: MatchProfile };
const candidateFields: (keyof Candidate)[] = [
  'listingId',
  'orgId',
  'sectors',
  'province',
  'trl',
  'trlMin',
  'transferModes',
  'mu',
];

/** Per query: enough to find a listing's MATCH_LIMIT best pairs, without reading ever more counterparts. */
const PER_QUERY = 20;
/**
 * The other side's listings that could match, from Meilisearch, each once. A
 * counterpart written a moment ago may not be in the index yet: the worker
 * looks again at every listing once it is indexed, so of two listings the
 * one matched last always finds the other (see MatchWorker). `terms`: the
 * listing's own (its queries are made from them).
 */
export async function findCandidates(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  terms: ReadonlyMap<string, Term>,
): Promise<Candidate[]> {
  const other: ListingType = type === 'offer' ? 'demand' : 'offer';
  const own = String(listing.organizationId);
  // What can never fit: the same organisation, or a TRL gap of more than two levels.
  const never = [`type = "${other}"`, `orgId != "${own}"`];
  if (type === 'demand' && (listing as Demand).trlMin) never.push(`trl >= ${(listing as Demand).trlMin! - 2}`);
  if (type === 'offer') never.push(`(trlMin IS NULL OR trlMin <= ${(listing as Offer).trl + 2})`);
  const sectors = listing.sectors.map((s) => `"${s}"`).join(', ');
  // Together in one request (each search of its own would be a round trip and a request to parse).
  const results = await searchEach<Candidate>(ctx.search, LISTINGS_INDEX, [
    ...termQueries(type, listing, terms).map((q, i) => ({
      q,
      filter: never,
      limit: PER_QUERY,
      attributesToRetrieve: candidateFields,
      // All terms together: the rarest count; a concept alone: all its words.
      matchingStrategy: i === 0 ? ('frequency' as const) : ('all' as const),
    })),
    ...(sectors
      ? [
          {
            q: '',
            filter: [...never, `sectors IN [${sectors}]`],
            limit: PER_QUERY,
            sort: ['publishedAt:desc'],
            attributesToRetrieve: candidateFields,
          },
        ]
      : []),
  ]);
  const byId = new Map<string, Candidate>();
  for (const hit of results.flatMap((r) => r.hits)) if (!byId.has(hit.listingId)) byId.set(hit.listingId, hit);
  return [...byId.values()];
}

/** Profiles read lately, by listing id (oldest first): the same candidates come back pass after pass. */
const profiles = new Map<string, MatchProfile>();
const PROFILES = 1_000;

/**
 * Gives the candidates their profiles: from the profiles read lately when
 * still those of the indexed state (`mu`), the others read from the index
 * in one request. A candidate whose document is gone keeps none.
 */
export async function withProfiles(ctx: AppContext, type: ListingType, candidates: Candidate[]): Promise<void> {
  const missing: Candidate[] = [];
  for (const c of candidates) {
    const known = profiles.get(c.listingId);
    if (known && c.mu !== undefined && known.u === c.mu) {
      profiles.delete(c.listingId);
      profiles.set(c.listingId, known);
      c.m = known;
    } else missing.push(c);
  }
  if (!missing.length) return;
  const index = ctx.search.client.index<ListingSearchDoc>(ctx.search.indexName(LISTINGS_INDEX));
  const { results } = await index.getDocuments<Pick<ListingSearchDoc, 'listingId' | 'm'>>({
    ids: missing.map((c) => searchDocId(type, c.listingId)),
    // (A filter makes the request the POST form, which takes ids.)
    filter: `type = "${type}"`,
    fields: ['listingId', 'm'],
    limit: missing.length,
  });
  const read = new Map(results.map((d) => [d.listingId, d.m]));
  for (const c of missing) {
    const m = read.get(c.listingId);
    if (!m) continue;
    c.m = m;
    profiles.delete(c.listingId);
    profiles.set(c.listingId, m);
    if (profiles.size > PROFILES) profiles.delete(profiles.keys().next().value as string);
  }
}

/**
 * A candidate's match with the listing, from its search document alone: its
 * profile holds what scoring reads besides the fields the document shows
 * (`terms`: the profile's terms, decoded). The same score and reasons as
 * scoring the stored candidate, as long as it did not change since it was
 * indexed; if it did, its own pass recomputes the pair once it is indexed
 * again.
 */
export function scoreCandidate(
  type: ListingType,
  listing: AnyListing,
  own: ReadonlyMap<string, Term>,
  c: Candidate & { m: MatchProfile },
  terms: ReadonlyMap<string, Term>,
  tuning: MatchTuning,
): MatchScore {
  const fields = { title: '', keywords: [], sectors: c.sectors, province: c.province, transferModes: c.transferModes };
  if (type === 'offer') {
    const demand = { ...fields, problem: '', trlMin: c.trlMin, budget: { max: c.m.b } };
    return scoreMatch(listing as Offer, demand, tuning, { offer: own, demand: terms });
  }
  const offer = { ...fields, summary: '', trl: c.trl ?? 0, price: { min: c.m.p, negotiable: c.m.n } };
  return scoreMatch(offer, listing as Demand, tuning, { offer: terms, demand: own });
}
