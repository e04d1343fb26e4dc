import { describe, expect, it } from '@jest/globals';
import type { SavedSearchDto } from '@techbridge/shared';
import { savedSearchHref } from '../account/SavedSearches';
import {
  activeFacets,
  clearFilters,
  emptySearchState,
  filterCount,
  parseSearchState,
  type SearchState,
  toApiQuery,
  toUrlParams,
  withoutFacet,
} from './searchState';

const parse = (query: string) => parseSearchState(new URLSearchParams(query));

const full: SearchState = {
  q: 'nuôi tôm',
  type: 'offer',
  sector: ['aquaculture', 'crops'],
  province: 'CTO',
  trlMin: 6,
  ipStatus: ['granted'],
  transferMode: ['license_non_exclusive', 'assignment'],
  orgType: 'enterprise',
  lang: 'en',
  sort: 'newest',
  page: 3,
};

describe('parseSearchState', () => {
  it('reads every filter from the URL', () => {
    expect(
      parse(
        'q=nu%C3%B4i+t%C3%B4m&type=offer&sector=aquaculture,crops&province=CTO&trlMin=6&ipStatus=granted' +
          '&transferMode=license_non_exclusive,assignment&orgType=enterprise&lang=en&sort=newest&page=3',
      ),
    ).toEqual(full);
  });

  it('gives the defaults for an empty URL', () => {
    expect(parse('')).toEqual(emptySearchState);
  });

  it('drops unknown or malformed values instead of failing', () => {
    expect(
      parse('type=service&sector=aquaculture,nope,aquaculture&province=XX&trlMin=12&sort=cheapest&page=0&orgType=club'),
    ).toEqual({ ...emptySearchState, sector: ['aquaculture'] });
    expect(parse('lang=fr').lang).toBeNull();
    expect(parse('lang=EN').lang).toBeNull();
    expect(parse('trlMin=2.5&page=abc').trlMin).toBeNull();
    expect(parse('page=1001').page).toBe(1);
  });

  it('accepts a province code in lower case and trims list items', () => {
    const state = parse('province=cto&sector=%20crops%20,aquaculture');
    expect(state.province).toBe('CTO');
    expect(state.sector).toEqual(['crops', 'aquaculture']);
  });

  it('caps the query text at 200 characters', () => {
    expect(parse(`q=${'a'.repeat(300)}`).q).toHaveLength(200);
  });
});

describe('toUrlParams', () => {
  it('leaves defaults out so links stay short', () => {
    expect(toUrlParams(emptySearchState).toString()).toBe('');
    expect(toUrlParams({ ...emptySearchState, q: '  ', page: 1, sort: 'relevance' }).toString()).toBe('');
  });

  it('round-trips through the URL', () => {
    expect(parseSearchState(toUrlParams(full))).toEqual(full);
  });

  it('writes lists comma-separated and trims the query', () => {
    const params = toUrlParams({ ...emptySearchState, q: ' tôm ', sector: ['crops', 'aquaculture'] });
    expect(params.get('q')).toBe('tôm');
    expect(params.get('sector')).toBe('crops,aquaculture');
  });
});

describe('facets', () => {
  it('lists the facets that filter, in a fixed order', () => {
    expect(activeFacets(full)).toEqual(['type', 'sector', 'province', 'trl', 'ipStatus', 'transferMode', 'orgType']);
    expect(activeFacets(emptySearchState)).toEqual([]);
  });

  it('removes one facet for its own counts, leaving the others', () => {
    expect(withoutFacet(full, 'sector')).toEqual({ ...full, sector: [] });
    expect(withoutFacet(full, 'trl')).toEqual({ ...full, trlMin: null });
    expect(withoutFacet(full, 'type')).toEqual({ ...full, type: null });
    expect(withoutFacet(full, 'province')).toEqual({ ...full, province: null });
  });

  it('keeps the language out of the facets (it has no counts) but counts it as a filter', () => {
    expect(activeFacets({ ...emptySearchState, lang: 'vi' })).toEqual([]);
    expect(filterCount({ ...emptySearchState, lang: 'vi' })).toBe(1);
  });

  it('does not count the type tabs as a filter', () => {
    expect(filterCount(full)).toBe(7);
    expect(filterCount({ ...emptySearchState, type: 'demand' })).toBe(0);
  });

  it('clears filters but keeps the query, type and sort', () => {
    expect(clearFilters(full)).toEqual({ ...emptySearchState, q: 'nuôi tôm', type: 'offer', sort: 'newest' });
  });
});

describe('toApiQuery', () => {
  it('is the URL form plus a page size', () => {
    const params = new URLSearchParams(toApiQuery({ ...emptySearchState, q: 'tôm', page: 2 }));
    expect(Object.fromEntries(params)).toEqual({ q: 'tôm', page: '2', limit: '10' });
    expect(new URLSearchParams(toApiQuery({ ...emptySearchState, lang: 'en' })).get('lang')).toBe('en');
    expect(new URLSearchParams(toApiQuery(emptySearchState, 1)).get('limit')).toBe('1');
  });
});

describe('savedSearchHref', () => {
  /** Stored queries may hold lists as arrays or comma-separated strings, whatever the type says. */
  const stored = (query: Record<string, unknown>) => query as SavedSearchDto['query'];

  it('turns a saved query (arrays or comma lists) into a /search link on page 1', () => {
    const href = savedSearchHref(
      stored({ q: 'tôm', sector: ['aquaculture', 'crops'], transferMode: 'assignment', lang: 'en', page: 4 }),
    );
    const url = new URL(href, 'http://x');
    expect(url.pathname).toBe('/search');
    expect(parseSearchState(url.searchParams)).toEqual({
      ...emptySearchState,
      q: 'tôm',
      sector: ['aquaculture', 'crops'],
      transferMode: ['assignment'],
      lang: 'en',
    });
  });

  it('ignores empty and unknown values', () => {
    expect(savedSearchHref(stored({ q: '', province: null, sector: 'nope' }))).toBe('/search');
    expect(savedSearchHref(stored({}))).toBe('/search');
  });
});
