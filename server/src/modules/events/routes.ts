import { eventCreateSchema, eventListQuerySchema } from '@techbridge/shared';
import { route } from '../../context';
import { unauthorized } from '../../platform/errors';
import { createEvent } from './commands/createEvent';
import { publishEvent } from './commands/publishEvent';
import { canReadEvent } from './policy';
import { ADMIN_ORGANIZER, eventStore } from './store';
import {
  eventStats,
  loadOrganizedEvent,
  loadOverseenEvent,
  loadReadableEvent,
  presentEventFor,
  presentEventsFor,
} from './view';

/** Techmart fairs and brokerage days: creating, publishing, listing and reading events. */
export const eventRoutes = [
  route({
    method: 'post',
    path: '/events',
    tag: 'Events',
    summary: 'Create an event (a draft) as an agency, an intermediary or an administrator',
    access: 'user',
    body: eventCreateSchema,
    responses: { 201: 'The event, a draft' },
    errors: [403],
    async handler({ ctx, user, body, res }) {
      const event = await createEvent(ctx, user, body);
      res.status(201);
      return { data: await presentEventFor(ctx, event, user) };
    },
  }),
  route({
    method: 'get',
    path: '/events',
    tag: 'Events',
    summary: 'Published events, upcoming and past (or, signed in, the ones my organisation organises or joins)',
    access: 'optional',
    query: eventListQuerySchema,
    responses: { 200: 'The events: upcoming soonest first, then past most recent first' },
    async handler({ ctx, user, query }) {
      const store = eventStore(ctx.db);
      if (query.mine && !user) throw unauthorized();
      const ids =
        query.mine === 'organizing'
          ? await store.organizedIds(user?.organizationId ?? (user?.role === 'admin' ? ADMIN_ORGANIZER : ''))
          : query.mine === 'participating'
            ? user?.organizationId
              ? await store.participatingIds(user.organizationId)
              : []
            : await store.publishedIds();
      const now = Date.now();
      const events = (await store.findEachById(ids)).filter(
        (e) =>
          canReadEvent(user, e) &&
          (query.when === 'all' ||
            (query.when === 'upcoming' ? new Date(e.endsAt).getTime() > now : new Date(e.endsAt).getTime() <= now)) &&
          (!query.province || e.province === query.province || e.location?.province === query.province) &&
          (!query.sector || (e.sectors ?? []).includes(query.sector)) &&
          (!query.kind || e.kind === query.kind),
      );
      const upcoming = events
        .filter((e) => new Date(e.endsAt).getTime() > now)
        .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
      const past = events
        .filter((e) => new Date(e.endsAt).getTime() <= now)
        .sort((a, b) => new Date(b.startsAt).getTime() - new Date(a.startsAt).getTime());
      return { data: await presentEventsFor(ctx, [...upcoming, ...past], user) };
    },
  }),
  route({
    method: 'get',
    path: '/events/:id',
    tag: 'Events',
    summary: 'An event (a draft only for its organiser)',
    access: 'optional',
    responses: { 200: 'The event' },
    async handler({ ctx, user, params }) {
      return { data: await presentEventFor(ctx, await loadReadableEvent(ctx, params.id, user), user) };
    },
  }),
  route({
    method: 'post',
    path: '/events/:id/publish',
    tag: 'Events',
    summary: 'Publish a draft event (its organiser)',
    access: 'user',
    responses: { 200: 'The published event' },
    errors: [403],
    async handler({ ctx, user, params }) {
      const event = await loadOrganizedEvent(ctx, params.id, user);
      return { data: await presentEventFor(ctx, await publishEvent(ctx, event), user) };
    },
  }),
  route({
    method: 'get',
    path: '/events/:id/stats',
    tag: 'Events',
    summary: "The event's figures: participants, meetings requested, accepted and held, deals started and won",
    access: 'user',
    responses: { 200: 'The figures' },
    errors: [403],
    async handler({ ctx, user, params }) {
      return { data: await eventStats(ctx, await loadOverseenEvent(ctx, params.id, user)) };
    },
  }),
];
