import { followCreateSchema, savedSearchCreateSchema } from '@techbridge/shared';
import type { z } from 'zod';
import { route } from '../../context';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { presentSavedSearch } from './presenter';
import { subscriptionStore } from './store';

const MAX_SAVED_SEARCHES = 50;

/** Saved searches and followed sectors: each user's own, never anyone else's. */
export const subscriptionRoutes = [
  route({
    method: 'get',
    path: '/saved-searches',
    tag: 'Subscriptions',
    summary: 'My saved searches',
    access: 'user',
    responses: { 200: 'The saved searches' },
    async handler({ ctx, user }) {
      const searches = await subscriptionStore(ctx.db).savedSearches(user.id);
      return { data: searches.map(presentSavedSearch).reverse() };
    },
  }),
  route({
    method: 'post',
    path: '/saved-searches',
    tag: 'Subscriptions',
    summary: 'Save a search to be notified of new listings matching it',
    access: 'user',
    body: savedSearchCreateSchema,
    responses: { 201: 'The saved search' },
    errors: [409],
    async handler({ ctx, user, body, res }) {
      const created = await subscriptionStore(ctx.db).addSavedSearch(
        user.id,
        user.organizationId,
        body,
        MAX_SAVED_SEARCHES,
      );
      if (!created) throw badRequest(`At most ${MAX_SAVED_SEARCHES} saved searches`, { name: 'too_many' });
      res.status(201);
      return { data: presentSavedSearch(created) };
    },
  }),
  route({
    method: 'delete',
    path: '/saved-searches/:id',
    tag: 'Subscriptions',
    summary: 'Delete a saved search',
    access: 'user',
    responses: { 204: 'Deleted' },
    responseShape: 'none',
    async handler({ ctx, user, params, res }) {
      if (!(await subscriptionStore(ctx.db).removeSavedSearch(user.id, params.id)))
        throw notFound('Saved search not found');
      res.status(204).end();
    },
  }),
  route({
    method: 'get',
    path: '/follows',
    tag: 'Subscriptions',
    summary: 'The sectors I follow',
    access: 'user',
    responses: { 200: 'The followed sectors' },
    async handler({ ctx, user }) {
      const follows = await subscriptionStore(ctx.db).follows(user.id);
      return {
        data: [...follows]
          .sort((a, b) => String(a.sector).localeCompare(String(b.sector)))
          .map((f) => ({ sector: f.sector, createdAt: new Date(f.createdAt as Date).toISOString() })),
      };
    },
  }),
  route({
    method: 'post',
    path: '/follows',
    tag: 'Subscriptions',
    summary: 'Follow a sector',
    access: 'user',
    body: followCreateSchema,
    responses: { 201: 'The followed sector' },
    errors: [409],
    async handler({ ctx, user, body, res }) {
      if (!(await subscriptionStore(ctx.db).follow(user.id, user.organizationId, body.sector)))
        throw conflict('Already following this sector', { sector: 'already' });
      res.status(201);
      return { data: { sector: body.sector } };
    },
  }),
  route({
    method: 'delete',
    path: '/follows/:sector',
    tag: 'Subscriptions',
    summary: 'Stop following a sector',
    access: 'user',
    params: { sector: followCreateSchema.shape.sector as z.ZodType<string> },
    responses: { 204: 'Unfollowed' },
    responseShape: 'none',
    async handler({ ctx, user, params, res }) {
      if (!(await subscriptionStore(ctx.db).unfollow(user.id, params.sector)))
        throw notFound('Not following this sector');
      res.status(204).end();
    },
  }),
];
