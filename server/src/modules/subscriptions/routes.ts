import {
  followCreateSchema,
  type SavedSearchDto,
  type SavedSearchInput,
  savedSearchCreateSchema,
} from '@techbridge/shared';
import { Router } from 'express';
import type { AppContext } from '../../context';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { currentUser, requireAuth } from '../../platform/http/middleware/auth';
import { parseId, validate } from '../../platform/http/middleware/validate';
import type { SavedSearch } from './model';

const MAX_SAVED_SEARCHES = 50;

function presentSavedSearch(s: SavedSearch): SavedSearchDto {
  return {
    id: String(s._id),
    name: s.name,
    query: s.query as SavedSearchInput['query'],
    createdAt: new Date(s.createdAt).toISOString(),
  };
}

/** Saved searches and followed sectors: each user's own, never anyone else's. */
export function subscriptionsRouter(ctx: AppContext): Router {
  const router = Router();
  const { SavedSearch: SavedSearches, Follow } = ctx.db.models;
  const auth = requireAuth(ctx.passport);

  router.get('/saved-searches', auth, async (req, res) => {
    const items = await SavedSearches.find({ userId: currentUser(req).id })
      .sort({ createdAt: -1 })
      .lean<SavedSearch[]>();
    res.json({ data: items.map(presentSavedSearch) });
  });

  router.post('/saved-searches', auth, async (req, res) => {
    const user = currentUser(req);
    const input = validate(savedSearchCreateSchema, req.body);
    if ((await SavedSearches.countDocuments({ userId: user.id })) >= MAX_SAVED_SEARCHES) {
      throw badRequest(`At most ${MAX_SAVED_SEARCHES} saved searches`, { name: 'too_many' });
    }
    const created = await SavedSearches.create({ userId: user.id, organizationId: user.organizationId, ...input });
    res.status(201).json({ data: presentSavedSearch(created.toObject() as SavedSearch) });
  });

  router.delete('/saved-searches/:id', auth, async (req, res) => {
    const result = await SavedSearches.deleteOne({ _id: parseId(req.params.id), userId: currentUser(req).id });
    if (!result.deletedCount) throw notFound('Saved search not found');
    res.status(204).end();
  });

  router.get('/follows', auth, async (req, res) => {
    const items = await Follow.find({ userId: currentUser(req).id })
      .sort({ sector: 1 })
      .lean();
    res.json({ data: items.map((f) => ({ sector: f.sector, createdAt: new Date(f.createdAt).toISOString() })) });
  });

  router.post('/follows', auth, async (req, res) => {
    const user = currentUser(req);
    const { sector } = validate(followCreateSchema, req.body);
    try {
      await Follow.create({ userId: user.id, organizationId: user.organizationId, sector });
    } catch (err) {
      if ((err as { code?: number }).code === 11000)
        throw conflict('Already following this sector', { sector: 'already' });
      throw err;
    }
    res.status(201).json({ data: { sector } });
  });

  router.delete('/follows/:sector', auth, async (req, res) => {
    const { sector } = validate(followCreateSchema, { sector: req.params.sector });
    const result = await Follow.deleteOne({ userId: currentUser(req).id, sector });
    if (!result.deletedCount) throw notFound('Not following this sector');
    res.status(204).end();
  });
  return router;
}
