import { searchQuerySchema } from '@techbridge/shared';
import { Router } from 'express';
import type { AppContext } from '../../context';
import { serviceUnavailable } from '../../platform/errors';
import { validate } from '../../platform/http/middleware/validate';
import { searchListings } from './query';

/** Public search over published listings only (the index holds nothing else). */
export function searchRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/search', ctx.rateLimits.http('search'), async (req, res) => {
    const query = validate(searchQuerySchema, req.query);
    try {
      res.json(await searchListings(ctx.search, query));
    } catch (err) {
      if ((err as { name?: string }).name === 'MeiliSearchRequestError')
        throw serviceUnavailable('Search is temporarily unavailable');
      throw err;
    }
  });
  return router;
}
