import { route } from '../../context';
import { serviceUnavailable } from '../../platform/errors';
import { landingSummary } from './summary';

/** The public landing page's live figures. */
export const landingRoutes = [
  route({
    method: 'get',
    path: '/landing',
    tag: 'Landing',
    summary:
      'Live figures for the landing page: published offers and demands, deals under way, provinces, sectors, newest listings',
    access: 'public',
    rateLimit: 'search',
    responses: { 200: 'The figures and the newest offers and demands' },
    errors: [503],
    async handler({ ctx }) {
      try {
        return { data: await landingSummary(ctx) };
      } catch (err) {
        if ((err as { name?: string }).name === 'MeiliSearchRequestError') {
          throw serviceUnavailable('Search is temporarily unavailable');
        }
        throw err;
      }
    },
  }),
];
