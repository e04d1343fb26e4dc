import type { NotificationDto, NotificationType } from '@techbridge/shared';
import type { Notification } from './model';

export function presentNotification(n: Notification): NotificationDto {
  return {
    id: String(n._id),
    type: n.type as NotificationType,
    data: (n.data ?? {}) as Record<string, unknown>,
    read: !!n.readAt,
    createdAt: new Date(n.createdAt).toISOString(),
  };
}
