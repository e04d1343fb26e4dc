import type { QueryClient } from '@tanstack/react-query';
import type { NotificationDto } from '@techbridge/shared';
import type { NotificationList } from '../../api/notifications';
import { queryKeys } from '../../api/queryKeys';

/** How many notifications the bell shows. */
export const LATEST_LIMIT = 8;

/** The notifications pages (/notifications), refetched rather than patched: their paging depends on the server. */
const pagesKey = ['notifications', 'page'] as const;

/** Puts a live notification at the top of the bell's list (once) with the server's unread count. */
export function storeIncomingNotification(queryClient: QueryClient, notification: NotificationDto, unread: number) {
  queryClient.setQueryData<NotificationList>(queryKeys.notificationsLatest, (prev) => ({
    data: [notification, ...(prev?.data ?? []).filter((n) => n.id !== notification.id)].slice(0, LATEST_LIMIT),
    unread,
  }));
  void queryClient.invalidateQueries({ queryKey: pagesKey });
}

/** Marks one notification (or all) read in the bell's list, with the server's new unread count. */
export function storeRead(queryClient: QueryClient, ids: 'all' | string, unread: number) {
  const mark = (n: NotificationDto) => (ids === 'all' || n.id === ids ? { ...n, read: true } : n);
  queryClient.setQueryData<NotificationList>(queryKeys.notificationsLatest, (prev) =>
    prev ? { data: prev.data.map(mark), unread } : prev,
  );
  void queryClient.invalidateQueries({ queryKey: pagesKey });
}
