import { notificationListQuerySchema } from '@techbridge/shared';
import { route } from '../../context';
import { notFound } from '../../platform/errors';
import { presentNotification } from './presenter';
import { notificationStore } from './store';

export const notificationRoutes = [
  route({
    method: 'get',
    path: '/notifications',
    tag: 'Notifications',
    summary: 'My notifications, newest first, with the unread count',
    access: 'user',
    query: notificationListQuerySchema,
    responses: { 200: 'The notifications and `unread`' },
    async handler({ ctx, user, query }) {
      const { items, unread } = await notificationStore(ctx.db).inbox(user.id);
      const before = query.before ? new Date(query.before).getTime() : Number.POSITIVE_INFINITY;
      const data = items
        .filter((n) => (query.unread !== 'true' || !n.readAt) && new Date(n.createdAt).getTime() < before)
        .slice(0, query.limit)
        .map(presentNotification);
      return { data, unread };
    },
  }),
  route({
    method: 'post',
    path: '/notifications/:id/read',
    tag: 'Notifications',
    summary: 'Mark a notification read',
    access: 'user',
    responses: { 200: 'The notification and `unread`' },
    async handler({ ctx, user, params }) {
      const store = notificationStore(ctx.db);
      const found = await store.findById(params.id);
      if (!found || String(found.userId) !== user.id) throw notFound('Notification not found');
      if (found.readAt) return { data: presentNotification(found), unread: await store.unread(user.id) };
      const { unread, readAt } = await store.markRead(user.id, params.id);
      return { data: presentNotification({ ...found, readAt }), unread };
    },
  }),
  route({
    method: 'post',
    path: '/notifications/read-all',
    tag: 'Notifications',
    summary: 'Mark every notification read',
    access: 'user',
    responses: { 200: '`{ unread: 0 }`' },
    responseShape: 'json',
    async handler({ ctx, user }) {
      await notificationStore(ctx.db).markAllRead(user.id);
      return { unread: 0 };
    },
  }),
];
