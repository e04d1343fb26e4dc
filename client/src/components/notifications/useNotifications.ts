import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getNotifications, markAllNotificationsRead, markNotificationRead } from '../../api/notifications';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';
import { LATEST_LIMIT, storeRead } from './notificationCache';

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
