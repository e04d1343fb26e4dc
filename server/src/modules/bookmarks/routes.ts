import { type BookmarkDto, bookmarkCreateSchema, type ListingType } from '@techbridge/shared';
import { route } from '../../context';
import { notFound } from '../../platform/errors';
import { canReadListing } from '../listings/policy';
import { listingStore } from '../listings/store';
import { loadReadableListing, presentListings } from '../listings/view';
import { bookmarkStore } from './store';

/** "Đã lưu": each user's saved listings, never anyone else's; only listings the user may read are shown. */
export const bookmarkRoutes = [
  route({
    method: 'get',
    path: '/bookmarks',
    tag: 'Bookmarks',
    summary: 'My saved listings, newest first (those I can still read)',
    access: 'user',
    responses: { 200: 'The saved listings' },
    async handler({ ctx, user }) {
      const saved = await bookmarkStore(ctx.db).of(user.id);
      const data: BookmarkDto[] = [];
      for (const type of ['offer', 'demand'] as ListingType[]) {
        const ids = saved.filter((b) => b.type === type).map((b) => b.listingId);
        const listings = (await listingStore(ctx.db).findEachById(type, ids)).filter((l) => canReadListing(user, l));
        const presented = await presentListings(ctx, type, listings, user);
        for (const p of presented) data.push({ type, listingId: p.data.id, listing: p.data });
      }
      const order = new Map(saved.map((b, i) => [b.listingId, i]));
      return { data: data.sort((a, b) => (order.get(a.listingId) ?? 0) - (order.get(b.listingId) ?? 0)) };
    },
  }),
  route({
    method: 'post',
    path: '/bookmarks',
    tag: 'Bookmarks',
    summary: 'Save a listing (idempotent: 201 when saved now, 200 when it already was)',
    access: 'user',
    body: bookmarkCreateSchema,
    responses: { 201: 'Saved', 200: 'Already saved' },
    async handler({ ctx, user, body, res }) {
      const listing = await loadReadableListing(ctx, body.type, body.listingId, user);
      const added = await bookmarkStore(ctx.db).add(user.id, { type: body.type, listingId: String(listing._id) });
      const [presented] = await presentListings(ctx, body.type, [listing], user);
      res.status(added ? 201 : 200);
      return {
        data: { type: body.type, listingId: String(listing._id), listing: presented.data } satisfies BookmarkDto,
      };
    },
  }),
  route({
    method: 'delete',
    path: '/bookmarks/:listingId',
    tag: 'Bookmarks',
    summary: 'Remove a listing from my saved listings',
    access: 'user',
    responses: { 204: 'Removed' },
    responseShape: 'none',
    async handler({ ctx, user, params, res }) {
      if (!(await bookmarkStore(ctx.db).remove(user.id, params.listingId))) throw notFound('Bookmark not found');
      res.status(204).end();
    },
  }),
];
