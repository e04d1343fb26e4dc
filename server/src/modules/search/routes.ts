import { type ListingType, searchQuerySchema } from '@techbridge/shared';
import { route } from '../../context';
import { serviceUnavailable } from '../../platform/errors';
import { loadReadableListing } from '../listings/view';
import { searchListings } from './query';
import { similarListings } from './similar';

const searchDown = (err: unknown) => (err as { name?: string }).name === 'MeiliSearchRequestError';

/** Published listings like this one (same type, same technology), for its page. */
const similar = (type: ListingType) =>
  route({
    method: 'get',
    path: `/${type}s/:id/similar`,
    tag: 'Search',
    summary: `Published technology ${type}s similar to this one, best first`,
    access: 'optional',
    responses: { 200: 'Up to six listings, as search hits' },
    errors: [503],
    async handler({ ctx, user, params }) {
      const listing = await loadReadableListing(ctx, type, params.id, user);
      try {
        return { data: await similarListings(ctx, type, listing) };
      } catch (err) {
        if (searchDown(err)) throw serviceUnavailable('Search is temporarily unavailable');
        throw err;
      }
    },
  });

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
        if (searchDown(err)) throw serviceUnavailable('Search is temporarily unavailable');
        throw err;
      }
    },
  }),
  similar('offer'),
  similar('demand'),
];
