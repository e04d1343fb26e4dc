import type { QueryClient } from '@tanstack/react-query';
import type { DealDto, NotificationDto } from '@techbridge/shared';
import { queryKeys } from '../api/queryKeys';
import { storeIncomingNotification } from '../components/notifications/notificationCache';

/**
 * How server events update the TanStack Query cache, without React: each
 * function is what <RealtimeSync> does for one event (toasts aside).
 */

const stringField = (data: Record<string, unknown>, key: string): string | null =>
  typeof data[key] === 'string' ? (data[key] as string) : null;

export interface NotificationOutcome {
  /** Show a toast (not for anything about the deal the user is looking at). */
  toast: boolean;
  /** Reload the profile: the organisation was just verified (its badge comes from the profile). */
  reloadProfile: boolean;
}

/** "notification:new": the bell's list and count, then whatever the notification is about. */
export function applyNotification(
  queryClient: QueryClient,
  notification: NotificationDto,
  unread: number,
  pathname: string,
): NotificationOutcome {
  storeIncomingNotification(queryClient, notification, unread);
  const dealId = stringField(notification.data, 'dealId');
  const onScreen = !!dealId && pathname === `/deals/${dealId}`;
  // Chat in the room on screen is read there: the lists' unread counts stay as they are.
  if (notification.type.startsWith('deal.') && !(onScreen && notification.type === 'deal.message'))
    void queryClient.invalidateQueries({ queryKey: queryKeys.dealLists });
  if (notification.type.startsWith('mandate.')) void queryClient.invalidateQueries({ queryKey: queryKeys.mandates });
  const eventId = stringField(notification.data, 'eventId');
  if (notification.type.startsWith('event.') && eventId)
    void queryClient.invalidateQueries({ queryKey: queryKeys.event(eventId) });
  // The deal on screen shows the change itself: no toast announces it.
  if (onScreen) return { toast: false, reloadProfile: false };
  const verification = notification.type === 'organization.verified' || notification.type === 'organization.rejected';
  if (verification) void queryClient.invalidateQueries({ queryKey: queryKeys.myVerification });
  return { toast: true, reloadProfile: notification.type === 'organization.verified' };
}

/** One toast per match, whether it comes as a notification or as "match:new"; else one per notification. */
export function notificationToastKey(notification: NotificationDto): string {
  const matchId = stringField(notification.data, 'matchId');
  return matchId ? `match:${matchId}` : `notification:${notification.id}`;
}

/** "match:new": every match list. */
export function applyNewMatch(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.matchesAll });
}

/** "deal:updated": the deal itself is replaced; its lists and audit trail are refetched. */
export function applyDealUpdate(queryClient: QueryClient, deal: DealDto): void {
  queryClient.setQueryData(queryKeys.deal(deal.id), { data: deal });
  void queryClient.invalidateQueries({ queryKey: queryKeys.dealLists });
  void queryClient.invalidateQueries({ queryKey: queryKeys.dealAudit(deal.id) });
}

/** "message:new": unread counts and last activity in the deal lists. */
export function applyNewMessage(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.dealLists });
}

/** "event:meeting" / "event:schedule": everything shown of that event is refetched (meetings, agenda, figures). */
export function applyEventChange(queryClient: QueryClient, eventId: string): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.event(eventId) });
}
