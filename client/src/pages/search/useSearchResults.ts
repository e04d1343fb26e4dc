import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { SearchResponse } from '@techbridge/shared';
import { queryKeys } from '../../api/queryKeys';
import { searchListings } from '../../api/search';
import { activeFacets, type FacetName, type SearchState, toApiQuery, withoutFacet } from './searchState';

export type FacetCounts = SearchResponse['facets'];

/**
 * Results for the current state, plus facet counts. Facets the user has
 * filtered on get their counts from a small extra query without that filter
 * (disjunctive faceting), so ticking one sector does not hide the others.
 */
export function useSearchResults(state: SearchState) {
  const query = toApiQuery(state);
  const results = useQuery({
    queryKey: queryKeys.search(query),
    queryFn: ({ signal }) => searchListings(query, signal),
    placeholderData: keepPreviousData,
  });

  const active = activeFacets(state);
  const facetQueries = useQueries({
    queries: active.map((facet) => {
      const facetQuery = toApiQuery({ ...withoutFacet(state, facet), page: 1 }, 1);
      return {
        queryKey: queryKeys.search(facetQuery),
        queryFn: ({ signal }: { signal: AbortSignal }) => searchListings(facetQuery, signal),
        placeholderData: keepPreviousData,
      };
    }),
  });

  // Cheap to merge on every render: a handful of small objects.
  let facets: FacetCounts | undefined;
  if (results.data) {
    facets = { ...results.data.facets };
    active.forEach((facet: FacetName, i) => {
      const own = facetQueries[i]?.data?.facets[facet];
      if (own && facets) facets[facet] = own;
    });
  }

  return { results, facets };
}
