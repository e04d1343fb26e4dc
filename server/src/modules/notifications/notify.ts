import type { NotificationType } from '@techbridge/shared';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../platform/principal';
import { accountStore } from '../accounts/store';
import { organizationStore } from '../organizations/store';
import { mailNotifications, type NotificationMailOptions } from './mailNotify';
import { presentNotification } from './presenter';
import { notificationStore } from './store';

/**
 * The active members of organisations, as principals (their key collection of members, then each user by `_id`).
 * `recent`: read within a few seconds, they are not read again (a background pass's announcements of public
 * listings; see organizationStore.memberIdsRecent): what concerns a deal always reads them afresh.
 */
export async function membersOf(ctx: AppContext, orgIds: unknown[], { recent = false } = {}): Promise<AuthUser[]> {
  const orgs = organizationStore(ctx.db);
  const accounts = accountStore(ctx.db);
  const ids = (
    await Promise.all(
      [...new Set(orgIds.map(String))].map((id) => (recent ? orgs.memberIdsRecent(id) : orgs.memberIds(id))),
    )
  ).flat();
  const users = await (recent ? accounts.findUsersRecent(ids) : accounts.findUsers(ids));
  return users
    .filter((u) => u.status === 'active')
    .map((u) => ({
      id: String(u._id),
      email: u.email,
      name: u.name,
      role: u.role as AuthUser['role'],
      organizationId: u.organizationId ? String(u.organizationId) : null,
      orgRole: (u.orgRole ?? null) as AuthUser['orgRole'],
      emailVerified: u.emailVerifiedAt !== null,
    }));
}

/**
 * Stores one notification per user and pushes it live with the new unread
 * count, then queues its mail for those who want this kind immediately.
 * Each is stored under `key(userId)` (derived from the event it announces),
 * and its mail keyed the same, so an event processed twice notifies and
 * mails once (a retry after a stored notification still queues its mail).
 * Called by event processors only.
 */
export async function notifyUsers(
  ctx: AppContext,
  userIds: string[],
  type: NotificationType,
  data: Record<string, unknown>,
  key: (userId: string) => string,
  mail: NotificationMailOptions = {},
): Promise<void> {
  const store = notificationStore(ctx.db);
  await Promise.all(
    [...new Set(userIds)].map(async (userId) => {
      const delivered = await store.deliver(userId, key(userId), { type, data });
      if (delivered)
        ctx.realtime.toUser(userId, 'notification:new', {
          notification: presentNotification(delivered.notification),
          unread: delivered.unread,
        });
    }),
  );
  await mailNotifications(ctx, [...new Set(userIds)], type, data, key, mail);
}
