import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getNotifications } from '../../api/notifications';
import { queryKeys } from '../../api/queryKeys';
import { QueryView } from '../../components/data/QueryView';
import { NotificationItem } from '../../components/notifications/NotificationItem';
import {
  useLatestNotifications,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
} from '../../components/notifications/useNotifications';
import { Alert, Button, Card, EmptyState, SegmentedControl } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { usePageTitle } from '../../lib/usePageTitle';

const PAGE = 30;
type Filter = 'all' | 'unread';

/** /notifications: everything, newest first, 30 at a time ("load more" pages by the last item's time). */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const [params, setParams] = useSearchParams();
  const filter: Filter = params.get('unread') === 'true' ? 'unread' : 'all';
  const unreadOnly = filter === 'unread';
  const latest = useLatestNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const query = useInfiniteQuery({
    queryKey: queryKeys.notificationsPage(unreadOnly),
    queryFn: ({ pageParam, signal }) =>
      getNotifications({ before: pageParam || undefined, unread: unreadOnly, limit: PAGE }, signal),
    initialPageParam: '',
    getNextPageParam: (last) => (last.data.length < PAGE ? undefined : last.data[last.data.length - 1].createdAt),
  });
  const items = query.data?.pages.flatMap((page) => page.data) ?? [];
  const unread = latest.data?.unread ?? query.data?.pages[0]?.unread ?? 0;

  return (
    <div className="container page page--narrow">
      <header className="section-bar">
        <div>
          <h1 className="page-header__title">{t('notifications.title')}</h1>
          <p className="page-header__subtitle" aria-live="polite">
            {t('notifications.unreadCount', { count: unread })}
          </p>
        </div>
        {unread > 0 && (
          <Button variant="secondary" loading={markAll.isPending} onClick={() => markAll.mutate()}>
            {t('notifications.markAll')}
          </Button>
        )}
      </header>
      <div className="toolbar">
        <SegmentedControl<Filter>
          legend={t('notifications.filterLegend')}
          options={[
            { value: 'all', label: t('notifications.filterAll') },
            { value: 'unread', label: t('notifications.filterUnread') },
          ]}
          value={filter}
          onChange={(value) => setParams(value === 'unread' ? { unread: 'true' } : {}, { replace: true })}
        />
      </div>
      {(markAll.isError || markRead.isError) && (
        <Alert tone="error">{describeApiError(markAll.error ?? markRead.error, t)}</Alert>
      )}
      <Card as="section" aria-label={t('notifications.listLabel')}>
        <QueryView
          query={query}
          errorTitle={t('notifications.loadFailed')}
          empty={
            <EmptyState icon="check" title={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')} />
          }
        >
          {() => (
            <ul className="notification-list">
              {items.map((n) => (
                <li key={n.id} className="notification-list__item">
                  <NotificationItem notification={n} onOpen={(item) => !item.read && markRead.mutate(item.id)} />
                  {!n.read && (
                    <Button
                      variant="ghost"
                      size="sm"
                      loading={markRead.isPending && markRead.variables === n.id}
                      onClick={() => markRead.mutate(n.id)}
                    >
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </QueryView>
        {query.hasNextPage && (
          <div className="load-more">
            <Button variant="secondary" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              {t('notifications.loadMore')}
            </Button>
          </div>
        )}
        {query.isFetchNextPageError && <p className="field__error">{describeApiError(query.error, t)}</p>}
      </Card>
    </div>
  );
}
