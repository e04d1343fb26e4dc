import {
  adminListingsQuerySchema,
  adminOrganizationsQuerySchema,
  listingTypes,
  rejectSchema,
  verifyOrganizationSchema,
} from '@techbridge/shared';
import { z } from 'zod';
import { route } from '../../context';
import { audit } from '../audit/record';
import { approveListing, rejectListing } from '../listings/commands/moderateListing';
import { listingStore } from '../listings/store';
import { presentListing, presentListings } from '../listings/view';
import { presentOrganization } from '../organizations/presenter';
import { organizationStore } from '../organizations/store';
import { setVerified } from './commands/verification';

const typeParam = z.enum(listingTypes, 'invalid_type');

const moderation = (decision: 'approve' | 'reject') =>
  route({
    method: 'post',
    path: `/admin/listings/:type/:id/${decision}`,
    tag: 'Admin',
    summary:
      decision === 'approve'
        ? 'Approve a listing waiting for review (type: offer or demand)'
        : 'Reject a listing waiting for review, with a reason',
    access: 'admin',
    params: { type: typeParam },
    body: decision === 'reject' ? rejectSchema : undefined,
    responses: { 200: decision === 'approve' ? 'The published listing' : 'The rejected listing' },
    errors: [409],
    async handler({ ctx, user, params, body }) {
      const type = params.type as 'offer' | 'demand';
      const reason = (body as { reason?: string } | undefined)?.reason;
      const listing =
        decision === 'approve'
          ? await approveListing(ctx, type, params.id)
          : await rejectListing(ctx, type, params.id, reason!);
      await audit(ctx.db, {
        action: decision === 'approve' ? 'listing.approved' : 'listing.rejected',
        actor: user,
        targetType: type,
        targetId: listing._id,
        ...(reason ? { details: { reason } } : {}),
      });
      return presentListing(ctx, type, listing, user);
    },
  });

/** Platform administration of organisations and listings. */
export const adminRoutes = [
  route({
    method: 'get',
    path: '/admin/organizations',
    tag: 'Admin',
    summary: 'All organisations, newest first',
    access: 'admin',
    query: adminOrganizationsQuerySchema,
    responses: { 200: 'The organisations' },
    async handler({ ctx, query }) {
      const verified = query.verified === undefined ? undefined : query.verified === 'true';
      const orgs = await organizationStore(ctx.db).scanForAdmin(verified);
      // Administrators also see whether an organisation is suspended.
      return { data: orgs.map((o) => ({ ...presentOrganization(o), status: o.status })) };
    },
  }),
  route({
    method: 'patch',
    path: '/admin/organizations/:id',
    tag: 'Admin',
    summary: 'Set whether an organisation is verified',
    access: 'admin',
    body: verifyOrganizationSchema,
    responses: { 200: 'The organisation' },
    async handler({ ctx, user, params, body }) {
      return { data: presentOrganization(await setVerified(ctx, user, params.id, body.verified)) };
    },
  }),
  route({
    method: 'get',
    path: '/admin/listings',
    tag: 'Admin',
    summary: 'The moderation queue, oldest first',
    access: 'admin',
    query: adminListingsQuerySchema,
    responses: { 200: 'The listings' },
    async handler({ ctx, user, query }) {
      const store = listingStore(ctx.db);
      const out = [];
      for (const type of query.type ? [query.type] : listingTypes) {
        const listings =
          query.status === 'pending_review'
            ? await store.waitingForReview(type)
            : await store.scanWithStatus(type, query.status);
        out.push(...(await presentListings(ctx, type, listings, user)).map((p) => p.data));
      }
      out.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
      return { data: out };
    },
  }),
  moderation('approve'),
  moderation('reject'),
];
