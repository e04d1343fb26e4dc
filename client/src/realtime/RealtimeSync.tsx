import { useQueryClient } from '@tanstack/react-query';
import type { DealDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { queryKeys } from '../api/queryKeys';
import { useAuth } from '../auth/useAuth';
import { matchCounterpart } from '../components/matches/counterpart';
import { describeNotification } from '../components/notifications/describeNotification';
import { storeIncomingNotification } from '../components/notifications/useNotifications';
import { useToast } from '../components/toast/useToast';
import { useLang } from '../lib/useLang';
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
    storeIncomingNotification(queryClient, notification, unread);
    const dealId = typeof notification.data.dealId === 'string' ? notification.data.dealId : null;
    // No toast for chat in the deal room the user is looking at.
    if (notification.type === 'deal.message' && dealId && pathname === `/deals/${dealId}`) return;
    if (notification.type.startsWith('deal.')) void queryClient.invalidateQueries({ queryKey: queryKeys.dealLists });
    if (notification.type === 'organization.verified' || notification.type === 'organization.rejected') {
      void queryClient.invalidateQueries({ queryKey: queryKeys.myVerification });
      // The "Verified" badge comes from the profile.
      if (notification.type === 'organization.verified') reloadProfile().catch(() => undefined);
    }
    const { text, href } = describeNotification(notification, t, lang);
    const matchId = typeof notification.data.matchId === 'string' ? notification.data.matchId : null;
    toast.show({
      title: t('toasts.notification'),
      body: text,
      href,
      key: matchId ? `match:${matchId}` : `notification:${notification.id}`,
    });
  });

  useSocketEvent('match:new', ({ match }) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.matchesAll });
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
    queryClient.setQueryData(queryKeys.deal(deal.id), { data: deal });
    void queryClient.invalidateQueries({ queryKey: queryKeys.dealLists });
    void queryClient.invalidateQueries({ queryKey: queryKeys.dealAudit(deal.id) });
  });

  useSocketEvent('message:new', () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.dealLists });
  });

  return null;
}
