import type { NotificationDto } from '@techbridge/shared';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeApiError } from '../../forms/describeApiError';
import { useDisclosure } from '../../lib/useDisclosure';
import { Button, Spinner } from '../ui';
import { NotificationItem } from './NotificationItem';
import { useLatestNotifications, useMarkAllNotificationsRead, useMarkNotificationRead } from './useNotifications';

/** The header bell: live unread badge and a panel with the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const { open, close, toggle } = useDisclosure(container, toggleRef);
  const query = useLatestNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = query.data?.unread ?? 0;
  const items = query.data?.data ?? [];

  function onOpen(notification: NotificationDto) {
    if (!notification.read) markRead.mutate(notification.id);
    close();
  }

  return (
    <div className="bell" ref={container}>
      <button
        ref={toggleRef}
        type="button"
        className="bell__toggle"
        aria-expanded={open}
        aria-controls="bell-panel"
        onClick={toggle}
      >
        {/* Named by text, not aria-label: the visible badge ("99+") and the name stay consistent. */}
        <span className="visually-hidden">
          {unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
        </span>
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className="bell__badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <div className="bell__panel" id="bell-panel" hidden={!open}>
        <div className="bell__head">
          <h2 className="bell__title">{t('notifications.title')}</h2>
          {unread > 0 && (
            <Button variant="ghost" size="sm" loading={markAll.isPending} onClick={() => markAll.mutate()}>
              {t('notifications.markAll')}
            </Button>
          )}
        </div>
        {query.isPending && (
          <p className="bell__state" role="status">
            <Spinner size="sm" /> {t('common.loading')}
          </p>
        )}
        {query.isError && (
          <div className="bell__state">
            <p className="field__error">{describeApiError(query.error, t)}</p>
            <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          </div>
        )}
        {query.data && items.length === 0 && <p className="bell__state muted">{t('notifications.empty')}</p>}
        {items.length > 0 && (
          <ul className="bell__list">
            {items.map((n) => (
              <li key={n.id}>
                <NotificationItem notification={n} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        )}
        {(markAll.isError || markRead.isError) && (
          <p className="field__error bell__state">{describeApiError(markAll.error ?? markRead.error, t)}</p>
        )}
        <Link className="bell__all" to="/notifications" onClick={close}>
          {t('notifications.seeAll')}
        </Link>
      </div>
    </div>
  );
}
