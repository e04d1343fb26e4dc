import {
  demandCreateSchema,
  demandUpdateSchema,
  type ListingType,
  mineQuerySchema,
  offerCreateSchema,
  offerUpdateSchema,
} from '@techbridge/shared';
import { Router } from 'express';
import type { AppContext } from '../../context';
import { currentUser, optionalAuth, requireAuth } from '../../platform/http/middleware/auth';
import { parseId, validate } from '../../platform/http/middleware/validate';
import { attachmentRoutes } from './attachments.routes';
import { isOwner } from './policy';
import {
  archiveListing,
  createListing,
  deleteListing,
  listingsOf,
  loadOwnListing,
  loadReadableListing,
  presentListing,
  presentListings,
  publishListing,
  updateListing,
} from './service';

/** Offers (`/offers`) and demands (`/demands`) share one set of routes. */
export function listingRoutes(ctx: AppContext, type: ListingType): Router {
  const router = Router();
  const base = type === 'offer' ? '/offers' : '/demands';
  const createSchema = type === 'offer' ? offerCreateSchema : demandCreateSchema;
  const updateSchema = type === 'offer' ? offerUpdateSchema : demandUpdateSchema;
  const auth = requireAuth(ctx.passport);

  router.post(base, auth, async (req, res) => {
    const user = currentUser(req);
    const input = validate(createSchema, req.body);
    const listing = await createListing(ctx, type, user, input);
    res.status(201).json(await presentListing(ctx, type, listing, user));
  });

  /** My organisation's listings, every status. */
  router.get(`${base}/mine`, auth, async (req, res) => {
    const user = currentUser(req);
    const { status } = validate(mineQuerySchema, req.query);
    if (!user.organizationId) return void res.json({ data: [] });
    const listings = await listingsOf(ctx.db.models, type, user.organizationId, status)
      .sort({ updatedAt: -1 })
      .limit(500)
      .lean();
    const presented = await presentListings(ctx, type, listings, user);
    res.json({ data: presented.map((p) => p.data), policies: presented.map((p) => p.policies) });
  });

  router.get(`${base}/:id`, optionalAuth(ctx.passport), async (req, res) => {
    const viewer = req.user ?? null;
    const listing = await loadReadableListing(ctx, type, parseId(req.params.id), viewer);
    if (!isOwner(viewer, listing) && listing.status === 'published') ctx.views.add(type, String(listing._id));
    const views = (listing.views ?? 0) + ctx.views.pending(type, String(listing._id));
    res.json(await presentListing(ctx, type, { ...listing, views }, viewer));
  });

  router.patch(`${base}/:id`, auth, async (req, res) => {
    const user = currentUser(req);
    const listing = await loadOwnListing(ctx, type, parseId(req.params.id), user);
    const patch = validate(updateSchema, req.body);
    const updated = await updateListing(ctx, type, listing, patch);
    res.json(await presentListing(ctx, type, updated, user));
  });

  router.delete(`${base}/:id`, auth, async (req, res) => {
    const listing = await loadOwnListing(ctx, type, parseId(req.params.id), currentUser(req));
    await deleteListing(ctx, type, listing);
    res.status(204).end();
  });

  router.post(`${base}/:id/publish`, auth, async (req, res) => {
    const user = currentUser(req);
    const listing = await loadOwnListing(ctx, type, parseId(req.params.id), user);
    res.json(await presentListing(ctx, type, await publishListing(ctx, type, listing), user));
  });

  router.post(`${base}/:id/archive`, auth, async (req, res) => {
    const user = currentUser(req);
    const listing = await loadOwnListing(ctx, type, parseId(req.params.id), user);
    res.json(await presentListing(ctx, type, await archiveListing(ctx, type, listing), user));
  });

  router.use(attachmentRoutes(ctx, type, base));
  return router;
}
