import type { EventDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../components/ui';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { eventWhen } from './eventTime';

/** An event in a list: kind, title, when and where, who organises, how many take part. */
export function EventCard({ event }: { event: EventDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const place = [event.location?.venue, event.province ? provinceName(event.province) : null]
    .filter(Boolean)
    .join(', ');
  return (
    <article className="event-card" aria-labelledby={`event-${event.id}-title`}>
      <div className="event-card__badges">
        <Badge tone={event.kind === 'techmart' ? 'accent' : 'info'}>{t(`events.kinds.${event.kind}`)}</Badge>
        {event.status === 'draft' && <Badge tone="warning">{t('events.status.draft')}</Badge>}
        {event.registrationOpen && <Badge tone="success">{t('events.registrationOpen')}</Badge>}
        {event.viewer.participant && <Badge tone="neutral">{t('events.youTakePart')}</Badge>}
      </div>
      <h2 className="event-card__title" id={`event-${event.id}-title`}>
        <Link to={`/events/${event.id}`}>{event.title}</Link>
      </h2>
      <p className="event-card__when">
        <time dateTime={event.startsAt}>{eventWhen(event.startsAt, event.endsAt, lang)}</time>
      </p>
      <p className="event-card__meta">
        {place || (event.online ? t('events.online') : '')}
        {event.online && place ? ` · ${t('events.online')}` : ''}
      </p>
      <p className="event-card__meta">
        {t('events.organizedBy', { name: event.organizer.name })} ·{' '}
        {t('events.participantCount', { count: event.participantCount })}
      </p>
    </article>
  );
}
