import type { NotificationType } from '@techbridge/shared';
import type { Types } from 'mongoose';
import type { AppContext } from '../../context';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import type { Notification } from './model';
import { presentNotification } from './presenter';

/** Active members of the given organisations, optionally excluding one user. */
export async function membersOf(ctx: AppContext, orgIds: (string | Types.ObjectId)[]): Promise<string[]> {
  if (!orgIds.length) return [];
  const users = await ctx.db.models.User.find(
    { organizationId: { $in: orgIds.map(String) }, status: 'active' },
    { _id: 1 },
  ).lean();
  return users.map((u) => String(u._id));
}

/** One change at a time per user's unread counter (FerretDB applies `$inc` as read-modify-write). */
export const withUnreadLock = keyedMutex();

/** Adds `delta` to a user's unread counter and returns the new count; the caller holds the user's lock. */
export async function incUnread(ctx: AppContext, userId: string, delta: number): Promise<number> {
  const user = await ctx.db.models.User.findByIdAndUpdate(
    userId,
    { $inc: { unreadNotifications: delta } },
    { new: true, timestamps: false },
  ).lean();
  return Math.max(0, user?.unreadNotifications ?? 0);
}

/** Adds `delta` to a user's unread counter under the user's lock; returns the new count. */
export function bumpUnread(ctx: AppContext, userId: string, delta: number): Promise<number> {
  return withUnreadLock(userId, () => incUnread(ctx, userId, delta));
}

/** Persists one notification per user and pushes it live with the new unread count. Called by event handlers only. */
export async function notifyUsers(
  ctx: AppContext,
  userIds: string[],
  type: NotificationType,
  data: Record<string, unknown>,
): Promise<void> {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  const created = (await ctx.db.models.Notification.insertMany(
    unique.map((userId) => ({ userId, type, data })),
  )) as unknown as Notification[];
  await Promise.all(
    created.map(async (n) => {
      const userId = String(n.userId);
      const unread = await bumpUnread(ctx, userId, 1);
      ctx.realtime.toUser(userId, 'notification:new', { notification: presentNotification(n), unread });
    }),
  );
}
