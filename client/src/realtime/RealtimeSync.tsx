import { useQueryClient } from '@tanstack/react-query';
import type { DealDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useAuth } from '../auth/useAuth';
import { matchCounterpart } from '../components/matches/counterpart';
import { describeNotification } from '../components/notifications/describeNotification';
import { useToast } from '../components/toast/useToast';
import { useLang } from '../lib/useLang';
import {
  applyDealUpdate,
  applyEventChange,
  applyNewMatch,
  applyNewMessage,
  applyNotification,
  notificationToastKey,
} from './cacheUpdates';
import { useSocketEvent } from './useRealtime';

/**
 * Session-wide reactions to server events: caches stay fresh without reloads
 * and each live notification or new match shows a toast. Renders nothing.
 */
export function RealtimeSync() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const { organization, reloadProfile } = useAuth();
  const toast = useToast();
  const { pathname } = useLocation();

  useSocketEvent('notification:new', ({ notification, unread }) => {
    const outcome = applyNotification(queryClient, notification, unread, pathname);
    if (outcome.reloadProfile) reloadProfile().catch(() => undefined);
    if (!outcome.toast) return;
    const { text, href } = describeNotification(notification, t, lang);
    toast.show({ title: t('toasts.notification'), body: text, href, key: notificationToastKey(notification) });
  });

  useSocketEvent('match:new', ({ match }) => {
    applyNewMatch(queryClient);
    const { other } = matchCounterpart(match, organization?.id);
    toast.show({
      title: t('toasts.match', { score: match.score }),
      body: t('toasts.matchBody', { title: other.title, organization: other.organization.name }),
      href: '/matches',
      tone: 'success',
      key: `match:${match.id}`,
    });
  });

  useSocketEvent('deal:updated', ({ deal }: { deal: DealDto }) => {
    applyDealUpdate(queryClient, deal);
  });

  useSocketEvent('message:new', () => applyNewMessage(queryClient));

  useSocketEvent('event:meeting', ({ eventId }) => applyEventChange(queryClient, eventId));
  useSocketEvent('event:schedule', ({ eventId }) => applyEventChange(queryClient, eventId));

  return null;
}
