import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationDto } from '@techbridge/shared';
import {
  getNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationList,
} from '../../api/notifications';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';

export const LATEST_LIMIT = 8;

/** Puts a live notification at the top of the bell's list with the server's unread count. */
export function storeIncomingNotification(queryClient: QueryClient, notification: NotificationDto, unread: number) {
  queryClient.setQueryData<NotificationList>(queryKeys.notificationsLatest, (prev) => ({
    data: [notification, ...(prev?.data ?? []).filter((n) => n.id !== notification.id)].slice(0, LATEST_LIMIT),
    unread,
  }));
  void queryClient.invalidateQueries({ queryKey: ['notifications', 'page'] });
}

function storeRead(queryClient: QueryClient, ids: 'all' | string, unread: number) {
  const mark = (n: NotificationDto) => (ids === 'all' || n.id === ids ? { ...n, read: true } : n);
  queryClient.setQueryData<NotificationList>(queryKeys.notificationsLatest, (prev) =>
    prev ? { data: prev.data.map(mark), unread } : prev,
  );
  void queryClient.invalidateQueries({ queryKey: ['notifications', 'page'] });
}

/** The bell's data: the latest notifications and the unread count, kept live by <RealtimeSync>. */
export function useLatestNotifications() {
  const { status } = useAuth();
  return useQuery({
    queryKey: queryKeys.notificationsLatest,
    queryFn: ({ signal }) => getNotifications({ limit: LATEST_LIMIT }, signal),
    enabled: status === 'authenticated',
    staleTime: 60_000,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => markNotificationRead(id),
    onSuccess: (result, id) => storeRead(queryClient, id, result.unread),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: (result) => storeRead(queryClient, 'all', result?.unread ?? 0),
  });
}
