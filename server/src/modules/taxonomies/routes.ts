import { taxonomies } from '@techbridge/shared';
import { Router } from 'express';

export function taxonomiesRouter(): Router {
  const router = Router();
  router.get('/taxonomies', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').json(taxonomies);
  });
  return router;
}
