import { notificationListQuerySchema } from '@techbridge/shared';
import { Router } from 'express';
import type { AppContext } from '../../context';
import { notFound } from '../../platform/errors';
import { currentUser, requireAuth } from '../../platform/http/middleware/auth';
import { parseId, validate } from '../../platform/http/middleware/validate';
import type { Notification } from './model';
import { presentNotification } from './presenter';
import { incUnread, withUnreadLock } from './service';

export function notificationsRouter(ctx: AppContext): Router {
  const router = Router();
  const { Notification: Notifications } = ctx.db.models;
  const auth = requireAuth(ctx.passport);

  /** My notifications, newest first, with the unread count. */
  router.get('/notifications', auth, async (req, res) => {
    const user = currentUser(req);
    const q = validate(notificationListQuerySchema, req.query);
    const filter = {
      userId: user.id,
      ...(q.unread === 'true' ? { readAt: null } : {}),
      ...(q.before ? { createdAt: { $lt: new Date(q.before) } } : {}),
    };
    const [items, unread] = await Promise.all([
      Notifications.find(filter).sort({ createdAt: -1, _id: -1 }).limit(q.limit).lean<Notification[]>(),
      // The true count, which also puts the live counter right if it ever drifted.
      withUnreadLock(user.id, async () => {
        const count = await Notifications.countDocuments({ userId: user.id, readAt: null });
        await ctx.db.models.User.updateOne(
          { _id: user.id },
          { $set: { unreadNotifications: count } },
          { timestamps: false },
        );
        return count;
      }),
    ]);
    res.json({ data: items.map(presentNotification), unread });
  });

  router.post('/notifications/:id/read', auth, async (req, res) => {
    const user = currentUser(req);
    const id = parseId(req.params.id);
    const found = await Notifications.findById(id).lean<Notification>();
    if (!found || String(found.userId) !== user.id) throw notFound('Notification not found');
    if (found.readAt) {
      // Already read: the count, once any read still under way has taken its notification off it.
      const unread = await withUnreadLock(user.id, () => incUnread(ctx, user.id, 0));
      res.json({ data: presentNotification(found), unread });
      return;
    }
    // Only the request that turns it read takes it off the count. Under the user's lock: FerretDB applies
    // findAndModify as read-modify-write, so two simultaneous reads could both see it unread.
    const { before, unread } = await withUnreadLock(user.id, async () => {
      const previous = await Notifications.findOneAndUpdate(
        { _id: id },
        { $set: { readAt: new Date() } },
        { new: false },
      ).lean<Notification>();
      return { before: previous, unread: await incUnread(ctx, user.id, previous && !previous.readAt ? -1 : 0) };
    });
    res.json({ data: presentNotification({ ...found, readAt: before?.readAt ?? new Date() }), unread });
  });

  router.post('/notifications/read-all', auth, async (req, res) => {
    const user = currentUser(req);
    await withUnreadLock(user.id, async () => {
      await Notifications.updateMany({ userId: user.id, readAt: null }, { $set: { readAt: new Date() } });
      await ctx.db.models.User.updateOne({ _id: user.id }, { $set: { unreadNotifications: 0 } }, { timestamps: false });
    });
    res.json({ unread: 0 });
  });
  return router;
}
