import { notificationListQuerySchema } from '@techbridge/shared';
import { Router } from 'express';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { currentUser, requireAuth } from '../../middleware/auth';
import { parseId, validate } from '../../middleware/validate';
import type { Notification } from '../../models/notification';
import { presentNotification } from '../../presenters/notification';

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
      Notifications.countDocuments({ userId: user.id, readAt: null }),
    ]);
    res.json({ data: items.map(presentNotification), unread });
  });

  router.post('/notifications/:id/read', auth, async (req, res) => {
    const user = currentUser(req);
    const id = parseId(req.params.id);
    const found = await Notifications.findOneAndUpdate(
      { _id: id, userId: user.id },
      { $set: { readAt: new Date() } },
      { new: true },
    ).lean<Notification>();
    if (!found) throw notFound('Notification not found');
    const unread = await Notifications.countDocuments({ userId: user.id, readAt: null });
    res.json({ data: presentNotification(found), unread });
  });

  router.post('/notifications/read-all', auth, async (req, res) => {
    const user = currentUser(req);
    await Notifications.updateMany({ userId: user.id, readAt: null }, { $set: { readAt: new Date() } });
    res.json({ unread: 0 });
  });
  return router;
}
