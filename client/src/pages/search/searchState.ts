import {
  ipStatusCodes,
  type ListingLang,
  type ListingType,
  listingLangs,
  listingTypes,
  organizationTypeCodes,
  provinceCodes,
  searchSorts,
  sectorCodes,
  transferModeCodes,
} from '@techbridge/shared';

export type SearchSort = (typeof searchSorts)[number];

/** Everything /search shows, as kept in the URL. */
export interface SearchState {
  q: string;
  type: ListingType | null;
  sector: string[];
  province: string | null;
  trlMin: number | null;
  ipStatus: string[];
  transferMode: string[];
  orgType: string | null;
  /** Listings written in one language only (not a facet: the server gives no counts for it). */
  lang: ListingLang | null;
  sort: SearchSort;
  page: number;
}

/** Facet names as in SearchResponse.facets; "trl" is the facet of the trlMin filter. */
export type FacetName = 'type' | 'sector' | 'province' | 'trl' | 'ipStatus' | 'transferMode' | 'orgType';

export const PAGE_SIZE = 10;

export const emptySearchState: SearchState = {
  q: '',
  type: null,
  sector: [],
  province: null,
  trlMin: null,
  ipStatus: [],
  transferMode: [],
  orgType: null,
  lang: null,
  sort: 'relevance',
  page: 1,
};

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function listOf(allowed: readonly string[], value: string | null): string[] {
  const items = (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => allowed.includes(v));
  return [...new Set(items)];
}

function intIn(value: string | null, min: number, max: number): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** Reads the URL, dropping anything unknown so a hand-edited link never breaks the page. */
export function parseSearchState(params: URLSearchParams): SearchState {
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    type: oneOf(listingTypes, params.get('type')),
    sector: listOf(sectorCodes, params.get('sector')),
    province: oneOf(provinceCodes, params.get('province')?.toUpperCase() ?? null),
    trlMin: intIn(params.get('trlMin'), 1, 9),
    ipStatus: listOf(ipStatusCodes, params.get('ipStatus')),
    transferMode: listOf(transferModeCodes, params.get('transferMode')),
    orgType: oneOf(organizationTypeCodes, params.get('orgType')),
    lang: oneOf(listingLangs, params.get('lang')),
    sort: oneOf(searchSorts, params.get('sort')) ?? 'relevance',
    page: intIn(params.get('page'), 1, 1000) ?? 1,
  };
}

/** The URL form: defaults are left out so links stay short. */
export function toUrlParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.set('q', q);
  if (state.type) params.set('type', state.type);
  if (state.sector.length) params.set('sector', state.sector.join(','));
  if (state.province) params.set('province', state.province);
  if (state.trlMin) params.set('trlMin', String(state.trlMin));
  if (state.ipStatus.length) params.set('ipStatus', state.ipStatus.join(','));
  if (state.transferMode.length) params.set('transferMode', state.transferMode.join(','));
  if (state.orgType) params.set('orgType', state.orgType);
  if (state.lang) params.set('lang', state.lang);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** Removes one facet's own filter (for its counts: picking more of a facet widens, so its counts ignore it). */
export function withoutFacet(state: SearchState, facet: FacetName): SearchState {
  switch (facet) {
    case 'type':
      return { ...state, type: null };
    case 'trl':
      return { ...state, trlMin: null };
    case 'sector':
    case 'ipStatus':
    case 'transferMode':
      return { ...state, [facet]: [] };
    default:
      return { ...state, [facet]: null };
  }
}

/** Facets that currently filter the results. */
export function activeFacets(state: SearchState): FacetName[] {
  const active: FacetName[] = [];
  if (state.type) active.push('type');
  if (state.sector.length) active.push('sector');
  if (state.province) active.push('province');
  if (state.trlMin) active.push('trl');
  if (state.ipStatus.length) active.push('ipStatus');
  if (state.transferMode.length) active.push('transferMode');
  if (state.orgType) active.push('orgType');
  return active;
}

/** The API query string for a state. */
export function toApiQuery(state: SearchState, limit = PAGE_SIZE): string {
  const params = toUrlParams(state);
  params.set('limit', String(limit));
  return params.toString();
}

/** Number of active filters (the type tabs are not counted: they are always visible). */
export function filterCount(state: SearchState): number {
  return activeFacets(state).filter((f) => f !== 'type').length + (state.lang ? 1 : 0);
}

export function clearFilters(state: SearchState): SearchState {
  return { ...emptySearchState, q: state.q, type: state.type, sort: state.sort };
}
