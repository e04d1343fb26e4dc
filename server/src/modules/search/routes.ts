import { searchQuerySchema } from '@techbridge/shared';
import { route } from '../../context';
import { serviceUnavailable } from '../../platform/errors';
import { searchListings } from './query';

/** Public search over published listings only (the index holds nothing else). */
export const searchRoutes = [
  route({
    method: 'get',
    path: '/search',
    tag: 'Search',
    summary: 'Full-text search over published listings, with facets',
    access: 'public',
    rateLimit: 'search',
    query: searchQuerySchema,
    responses: { 200: 'Hits, facet counts and paging' },
    responseShape: 'search',
    errors: [503],
    async handler({ ctx, query }) {
      try {
        return await searchListings(ctx.search, query);
      } catch (err) {
        if ((err as { name?: string }).name === 'MeiliSearchRequestError')
          throw serviceUnavailable('Search is temporarily unavailable');
        throw err;
      }
    },
  }),
];
