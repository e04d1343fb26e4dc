import {
  organizationTypeCodes,
  queryTokens,
  resolveProvince,
  type SearchHit,
  type SearchQuery,
  type SearchResponse,
} from '@techbridge/shared';
import { validationError } from '../../platform/errors';
import type { Search } from '../../platform/search/client';
import { highlighter, queryTerms } from './highlight';
import { facetAttributes, LISTINGS_INDEX, type ListingSearchDoc } from './listingsIndex';

const quote = (v: string) => `"${v.replace(/["\\]/g, '')}"`;

/** Meilisearch filter for a validated query. Values are taxonomy codes, quoted all the same. */
export function buildFilter(query: SearchQuery): string[] {
  const filter: string[] = [];
  if (query.type) filter.push(`type = ${quote(query.type)}`);
  if (query.lang) filter.push(`lang = ${quote(query.lang)}`);
  if (query.sector?.length) filter.push(`sectors IN [${query.sector.map(quote).join(', ')}]`);
  if (query.province) {
    const province = resolveProvince(query.province);
    if (!province) throw validationError({ province: 'province' });
    filter.push(`province = ${quote(province.code)}`);
  }
  if (query.trlMin) filter.push(`trl >= ${query.trlMin}`);
  if (query.ipStatus?.length) filter.push(`ipStatus IN [${query.ipStatus.map(quote).join(', ')}]`);
  if (query.transferMode?.length) filter.push(`transferModes IN [${query.transferMode.map(quote).join(', ')}]`);
  if (query.orgType) {
    if (!organizationTypeCodes.includes(query.orgType)) throw validationError({ orgType: 'org_type' });
    filter.push(`orgType = ${quote(query.orgType)}`);
  }
  if (query.org) filter.push(`orgId = ${quote(query.org)}`);
  return filter;
}

function sortFor(query: SearchQuery): string[] | undefined {
  switch (query.sort) {
    case 'newest':
      return ['publishedAt:desc'];
    case 'trl_desc':
      return ['trl:desc', 'publishedAt:desc'];
    case 'trl_asc':
      return ['trl:asc', 'publishedAt:desc'];
    default:
      return query.q ? undefined : ['publishedAt:desc'];
  }
}

/** The fields a hit is presented from: the folded copies the index searches stay in the index. */
export const retrieved = [
  'listingId',
  'type',
  'lang',
  'title',
  'summary',
  'orgId',
  'orgName',
  'sectors',
  'province',
  'trl',
  'ipStatus',
  'transferModes',
  'publishedAt',
  'image',
] as const satisfies (keyof ListingSearchDoc)[];

/**
 * The Meilisearch request for a validated query (also what the benchmark
 * sends straight to Meilisearch as the floor). The query becomes search
 * tokens like the indexed text (see searchTokens): typing without
 * diacritics finds everything, typing with them ranks the same words first.
 */
export function meiliSearchRequest(query: SearchQuery) {
  return {
    q: queryTokens(query.q),
    filter: buildFilter(query),
    facets: Object.values(facetAttributes),
    page: query.page,
    hitsPerPage: query.limit,
    sort: sortFor(query),
    attributesToRetrieve: [...retrieved],
  };
}

/** A hit as the API presents it, the query's words highlighted (see highlighter). */
export function toSearchHit(
  h: Pick<ListingSearchDoc, (typeof retrieved)[number]>,
  highlight: (text: string) => string,
): SearchHit {
  return {
    id: h.listingId,
    type: h.type,
    lang: h.lang ?? 'vi',
    title: h.title,
    summary: h.summary,
    organization: { id: h.orgId, name: h.orgName },
    sectors: h.sectors,
    province: h.province,
    trl: h.trl,
    ipStatus: h.ipStatus,
    transferModes: h.transferModes,
    publishedAt: h.publishedAt ? new Date(h.publishedAt).toISOString() : null,
    image: h.image ?? null,
    highlight: { title: highlight(h.title), summary: highlight(h.summary) },
  };
}

/** Faceted search over published listings. */
export async function searchListings(search: Search, query: SearchQuery): Promise<SearchResponse> {
  const result = await search.searchIndex<ListingSearchDoc>(LISTINGS_INDEX, meiliSearchRequest(query));
  const highlight = highlighter(queryTerms(query.q));
  const hits = result.hits.map((h) => toSearchHit(h, highlight));
  const distribution = result.facetDistribution ?? {};
  const facets = Object.fromEntries(
    Object.entries(facetAttributes).map(([name, attribute]) => [name, distribution[attribute] ?? {}]),
  ) as SearchResponse['facets'];
  return { hits, facets, total: result.totalHits ?? 0, page: query.page, limit: query.limit };
}

/** An organisation's live listings by type: what the index holds for it (a facet count, no listing is read). */
export async function countLiveListings(search: Search, orgId: string): Promise<{ offers: number; demands: number }> {
  const result = await search.client
    .index<ListingSearchDoc>(search.indexName(LISTINGS_INDEX))
    .search('', { filter: [`orgId = "${orgId.replace(/["\\]/g, '')}"`], limit: 0, facets: ['type'] });
  const byType = result.facetDistribution?.type ?? {};
  return { offers: byType.offer ?? 0, demands: byType.demand ?? 0 };
}
