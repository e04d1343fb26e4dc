import type { NotificationDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { describeNotification } from './describeNotification';

export interface NotificationItemProps {
  notification: NotificationDto;
  /** Called when the link is followed (marks it read, closes the menu). */
  onOpen: (notification: NotificationDto) => void;
}

/** One notification as a link in words, with its time and an unread marker. */
export function NotificationItem({ notification, onOpen }: NotificationItemProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { text, href } = describeNotification(notification, t, lang);
  return (
    <Link
      to={href}
      className={`notification${notification.read ? '' : ' notification--unread'}`}
      onClick={() => onOpen(notification)}
    >
      <span className="notification__dot" aria-hidden="true" />
      <span className="notification__text">
        {!notification.read && <span className="visually-hidden">{t('notifications.unreadMark')} </span>}
        {text}
        <time className="notification__time" dateTime={notification.createdAt}>
          {formatDateTime(notification.createdAt, lang)}
        </time>
      </span>
    </Link>
  );
}
