import { defineStore, findEachById, isDuplicateKey } from '../../platform/db';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import { type Inbox, type InboxModel, type Notification, type NotificationModel, notificationId } from './model';

/** How many notifications an inbox lists (the newest). */
const INBOX_SIZE = 200;
/** How many more ids an inbox may hold before it is trimmed (a trim is a second write). */
const INBOX_SLACK = 50;

/** One change at a time per user's inbox (FerretDB applies updates as read-modify-write). */
const perUser = keyedMutex();

/** Every query on notifications and inboxes: `_id` lookups only (the inbox lists a user's notifications). */
export const notificationStore = defineStore((connection) => {
  const Notification = connection.model('Notification') as NotificationModel;
  const Inbox = connection.model('Inbox') as InboxModel;

  const changeInbox = (userId: string, change: (inbox: Inbox) => Partial<Inbox>) =>
    perUser(userId, async () => {
      const inbox = (await Inbox.findById(userId).lean<Inbox>()) ?? { _id: userId, ids: [], unread: 0 };
      const next = { ...inbox, ...change(inbox) };
      next.unread = Math.max(0, next.unread);
      await Inbox.updateOne({ _id: userId }, { $set: { ids: next.ids, unread: next.unread } }, { upsert: true });
      return next;
    });

  return {
    /**
     * Stores the notification a key stands for, once; resolves with it and
     * the user's new unread count, or null when it was stored before (a retry).
     */
    async deliver(
      userId: string,
      key: string,
      fields: { type: string; data: Record<string, unknown> },
    ): Promise<{ notification: Notification; unread: number } | null> {
      let notification: Notification;
      try {
        notification = (
          await Notification.create({ _id: notificationId(key), userId, ...fields })
        ).toObject() as Notification;
      } catch (err) {
        if (isDuplicateKey(err)) return null;
        throw err;
      }
      // Stored just now, so in no inbox yet: added and counted in one write (trimmed once past the slack).
      const inbox = await perUser(userId, async () => {
        const next = (await Inbox.findOneAndUpdate(
          { _id: userId },
          { $push: { ids: String(notification._id) }, $inc: { unread: 1 } },
          { upsert: true, new: true },
        ).lean<Inbox>()) as Inbox;
        if (next.ids.length > INBOX_SIZE + INBOX_SLACK)
          await Inbox.updateOne({ _id: userId }, { $set: { ids: next.ids.slice(-INBOX_SIZE) } });
        return next;
      });
      return { notification, unread: inbox.unread };
    },
    /** Whether the notification a key stands for was stored (and is unread). */
    async unreadFor(key: string): Promise<boolean> {
      const found = await Notification.findById(notificationId(key), { readAt: 1 }).lean();
      return !!found && !found.readAt;
    },
    findById: (id: unknown) => Notification.findById(id).lean<Notification>(),
    /** A user's inbox: their newest notifications, newest first, and the true unread count among them. */
    async inbox(userId: string): Promise<{ items: Notification[]; unread: number }> {
      const inbox = await Inbox.findById(userId).lean<Inbox>();
      const held = (await findEachById<Notification>(Notification, inbox?.ids ?? [], undefined, 16)).sort(
        (a, b) =>
          new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() ||
          String(b._id).localeCompare(String(a._id)),
      );
      // Counted over every notification the inbox holds (its slack too), as each write counts.
      const unread = held.filter((n) => !n.readAt).length;
      // The count kept with each write drifts only if a write was interrupted: put right here.
      if (inbox && inbox.unread !== unread) await changeInbox(userId, () => ({ unread }));
      return { items: held.slice(0, INBOX_SIZE), unread };
    },
    /**
     * Marks a notification read; resolves with the unread count after, and
     * whether this call turned it read (only that call takes it off the count).
     */
    markRead: (userId: string, id: string) =>
      perUser(userId, async () => {
        const previous = await Notification.findOneAndUpdate(
          { _id: id },
          { $set: { readAt: new Date() } },
          { new: false },
        ).lean<Notification>();
        const turned = !!previous && !previous.readAt;
        const inbox = (await Inbox.findById(userId).lean<Inbox>()) ?? { _id: userId, ids: [], unread: 0 };
        const unread = Math.max(0, inbox.unread - (turned ? 1 : 0));
        if (turned) await Inbox.updateOne({ _id: userId }, { $set: { unread } }, { upsert: true });
        return { unread, readAt: previous?.readAt ?? new Date() };
      }),
    /** The unread count, once any read under way has taken its notification off it. */
    unread: (userId: string) =>
      perUser(userId, async () => (await Inbox.findById(userId, { unread: 1 }).lean<Inbox>())?.unread ?? 0),
    /** Marks every notification of the inbox read. */
    markAllRead: (userId: string) =>
      perUser(userId, async () => {
        const inbox = await Inbox.findById(userId).lean<Inbox>();
        const items = await findEachById<Notification>(Notification, inbox?.ids ?? [], { readAt: 1 }, 16);
        const now = new Date();
        for (const n of items.filter((i) => !i.readAt))
          await Notification.updateOne({ _id: n._id }, { $set: { readAt: now } });
        await Inbox.updateOne({ _id: userId }, { $set: { unread: 0 } }, { upsert: true });
      }),
  };
});
