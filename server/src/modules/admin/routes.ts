import {
  adminListingsQuerySchema,
  adminOrganizationsQuerySchema,
  listingTypes,
  rejectSchema,
  verifyOrganizationSchema,
} from '@techbridge/shared';
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { notFound } from '../../platform/errors';
import { currentUser } from '../../platform/http/middleware/auth';
import { parseId, validate } from '../../platform/http/middleware/validate';
import { presentOrganization } from '../accounts/presenter';
import { audit } from '../audit/record';
import {
  approveListing,
  listingModel,
  presentListing,
  presentListings,
  publishPendingOf,
  rejectListing,
} from '../listings/service';

const typeParam = z.enum(listingTypes, 'invalid_type');

/** Platform administration. Every route checks the administrator role on the server. */
export function adminRouter(ctx: AppContext): Router {
  const router = Router();
  const { models } = ctx.db;

  router.get('/admin/organizations', async (req, res) => {
    const query = validate(adminOrganizationsQuerySchema, req.query);
    const filter = query.verified === undefined ? {} : { verified: query.verified === 'true' };
    const orgs = await models.Organization.find(filter).sort({ createdAt: -1 }).limit(500).lean();
    // Administrators also see whether an organisation is suspended.
    res.json({ data: orgs.map((o) => ({ ...presentOrganization(o), status: o.status })) });
  });

  router.patch('/admin/organizations/:id', async (req, res) => {
    const id = parseId(req.params.id);
    const { verified } = validate(verifyOrganizationSchema, req.body);
    const org = await models.Organization.findByIdAndUpdate(id, { $set: { verified } }, { new: true }).lean();
    if (!org) throw notFound('Organisation not found');
    // Verification releases the listings that were waiting for it.
    if (verified) await publishPendingOf(ctx, String(org._id));
    await audit(ctx, {
      action: verified ? 'organization.verified' : 'organization.unverified',
      actor: currentUser(req),
      targetType: 'organization',
      targetId: org._id,
      details: { name: org.name },
    });
    res.json({ data: presentOrganization(org) });
  });

  /** The moderation queue: pending listings of both kinds, oldest first. */
  router.get('/admin/listings', async (req, res) => {
    const query = validate(adminListingsQuerySchema, req.query);
    const viewer = currentUser(req);
    const out = [];
    for (const type of query.type ? [query.type] : listingTypes) {
      const listings = await listingModel(ctx.db.models, type)
        .find({ status: query.status, deletedAt: null })
        .sort({ updatedAt: 1 })
        .limit(500)
        .lean();
      out.push(...(await presentListings(ctx, type, listings, viewer)).map((p) => p.data));
    }
    out.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    res.json({ data: out });
  });

  router.post('/admin/listings/:type/:id/approve', async (req, res) => {
    const type = validate(typeParam, req.params.type);
    const listing = await approveListing(ctx, type, parseId(req.params.id));
    await audit(ctx, { action: 'listing.approved', actor: currentUser(req), targetType: type, targetId: listing._id });
    res.json(await presentListing(ctx, type, listing, currentUser(req)));
  });

  router.post('/admin/listings/:type/:id/reject', async (req, res) => {
    const type = validate(typeParam, req.params.type);
    const { reason } = validate(rejectSchema, req.body);
    const listing = await rejectListing(ctx, type, parseId(req.params.id), reason);
    await audit(ctx, {
      action: 'listing.rejected',
      actor: currentUser(req),
      targetType: type,
      targetId: listing._id,
      details: { reason },
    });
    res.json(await presentListing(ctx, type, listing, currentUser(req)));
  });
  return router;
}
