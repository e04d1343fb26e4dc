import type { NotificationDto } from '@techbridge/shared';
import { apiFetch } from './http';

export interface NotificationList {
  data: NotificationDto[];
  unread: number;
}

export interface NotificationQuery {
  /** createdAt (ISO) of the last item already shown. */
  before?: string;
  unread?: boolean;
  limit?: number;
}

/** My notifications, newest first, with the number still unread. */
export function getNotifications(query: NotificationQuery = {}, signal?: AbortSignal): Promise<NotificationList> {
  const params = new URLSearchParams();
  if (query.before) params.set('before', query.before);
  if (query.unread) params.set('unread', 'true');
  params.set('limit', String(query.limit ?? 30));
  return apiFetch<NotificationList>(`/api/notifications?${params}`, { signal });
}

export function markNotificationRead(id: string): Promise<{ data: NotificationDto; unread: number }> {
  return apiFetch(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markAllNotificationsRead(): Promise<{ unread: number }> {
  return apiFetch<{ unread: number }>('/api/notifications/read-all', { method: 'POST' });
}
