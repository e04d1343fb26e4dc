import {
  demandCreateSchema,
  demandUpdateSchema,
  type ListingType,
  mineQuerySchema,
  offerCreateSchema,
  offerUpdateSchema,
} from '@techbridge/shared';
import { route } from '../../context';
import { requireVerifiedEmail } from '../accounts/policy';
import { archiveListing, deleteListing, publishListing } from './commands/changeStatus';
import { createListing } from './commands/createListing';
import { updateListing } from './commands/updateListing';
import { isOwner } from './policy';
import { listingsOf, loadOwnListing, loadReadableListing, presentListing, presentListings } from './view';
import { viewerKey } from './views';

/** Offers (`/offers`) and demands (`/demands`) share one set of routes. */
export function listingRoutes(type: ListingType) {
  const base = type === 'offer' ? '/offers' : '/demands';
  const tag = type === 'offer' ? 'Offers' : 'Demands';
  const noun = type === 'offer' ? 'technology offer' : 'technology demand';
  return [
    route({
      method: 'post',
      path: base,
      tag,
      summary: `Create a ${noun} (draft)`,
      access: 'user',
      // Per user: creating hundreds of drafts a minute is a script, not a person (imports have their own route).
      rateLimit: { name: 'create', key: (req) => `user:${(req.user as { id?: string } | undefined)?.id ?? ''}` },
      body: type === 'offer' ? offerCreateSchema : demandCreateSchema,
      responses: { 201: `The created ${noun} with its policies` },
      errors: [403],
      async handler({ ctx, user, body, res }) {
        const listing = await createListing(ctx, type, user, body);
        res.status(201);
        return presentListing(ctx, type, listing, user);
      },
    }),
    route({
      method: 'get',
      path: `${base}/mine`,
      tag,
      summary: `My organisation's ${noun}s, every status`,
      access: 'user',
      query: mineQuerySchema,
      responses: { 200: `The ${noun}s and, in the same order, their policies` },
      async handler({ ctx, user, query }) {
        if (!user.organizationId) return { data: [] };
        const listings = await listingsOf(ctx, type, user.organizationId, query.status);
        const presented = await presentListings(ctx, type, listings, user);
        return { data: presented.map((p) => p.data), policies: presented.map((p) => p.policies) };
      },
    }),
    route({
      method: 'get',
      path: `${base}/:id`,
      tag,
      summary: `Read a ${noun} (published, or own)`,
      access: 'optional',
      responses: { 200: `The ${noun} with the viewer's policies` },
      async handler({ ctx, user: viewer, params, req }) {
        const listing = await loadReadableListing(ctx, type, params.id, viewer);
        const id = String(listing._id);
        if (!isOwner(viewer, listing) && listing.status === 'published')
          ctx.views.add(type, id, viewerKey(viewer, req.ip, req.get('user-agent')));
        const views = (listing.views ?? 0) + ctx.views.pending(type, id);
        return presentListing(ctx, type, { ...listing, views }, viewer);
      },
    }),
    route({
      method: 'patch',
      path: `${base}/:id`,
      tag,
      summary: `Update an own ${noun}`,
      access: 'user',
      body: type === 'offer' ? offerUpdateSchema : demandUpdateSchema,
      responses: { 200: `The updated ${noun}` },
      errors: [403, 409],
      async handler({ ctx, user, params, body }) {
        const listing = await loadOwnListing(ctx, type, params.id, user);
        return presentListing(ctx, type, await updateListing(ctx, type, listing, body), user);
      },
    }),
    route({
      method: 'delete',
      path: `${base}/:id`,
      tag,
      summary: `Delete an own ${noun}`,
      access: 'user',
      responses: { 204: 'Deleted' },
      responseShape: 'none',
      errors: [403],
      async handler({ ctx, user, params, res }) {
        await deleteListing(ctx, type, await loadOwnListing(ctx, type, params.id, user));
        res.status(204).end();
      },
    }),
    route({
      method: 'post',
      path: `${base}/:id/publish`,
      tag,
      summary: `Publish an own ${noun} (or send it to review)`,
      access: 'user',
      responses: { 200: `The ${noun} in its new status` },
      errors: [403, 409],
      async handler({ ctx, user, params }) {
        const listing = await loadOwnListing(ctx, type, params.id, user);
        requireVerifiedEmail(user);
        return presentListing(ctx, type, await publishListing(ctx, type, listing), user);
      },
    }),
    route({
      method: 'post',
      path: `${base}/:id/archive`,
      tag,
      summary: `Archive an own ${noun}`,
      access: 'user',
      responses: { 200: `The archived ${noun}` },
      errors: [403, 409],
      async handler({ ctx, user, params }) {
        const listing = await loadOwnListing(ctx, type, params.id, user);
        return presentListing(ctx, type, await archiveListing(ctx, type, listing), user);
      },
    }),
  ];
}
