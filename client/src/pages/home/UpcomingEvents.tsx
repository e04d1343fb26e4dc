import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getEvents } from '../../api/events';
import { queryKeys } from '../../api/queryKeys';
import { ButtonLink } from '../../components/ui';
import { formatDate } from '../../lib/format';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { SectionHeading } from './SectionHeading';

const SHOWN = 3;

/** The next published events (Techmarts, brokerage days), when there are any; nothing otherwise. */
export function UpcomingEvents() {
  const { t } = useTranslation();
  const lang = useLang();
  const filters = { when: 'upcoming' as const };
  const query = useQuery({
    queryKey: queryKeys.events(JSON.stringify(filters)),
    queryFn: ({ signal }) => getEvents(filters, signal),
    staleTime: 60_000,
  });
  const events = query.data?.data.slice(0, SHOWN) ?? [];
  if (events.length === 0) return null;

  return (
    <section className="section section--tinted" id="events" aria-labelledby="events-title">
      <div className="container">
        <SectionHeading id="events-title" title={t('landing.events.title')} lead={t('landing.events.lead')} />
        <ul className="upcoming">
          {events.map((event) => (
            <li key={event.id} className="upcoming__item">
              <p className="upcoming__date">
                <time dateTime={event.startsAt}>{formatDate(event.startsAt, lang)}</time>
              </p>
              <h3 className="upcoming__title">
                <Link to={`/events/${event.id}`}>{event.title}</Link>
              </h3>
              {(event.location?.venue || event.province) && (
                <p className="upcoming__place">
                  {[event.location?.venue, event.province ? provinceName(event.province) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              )}
            </li>
          ))}
        </ul>
        <div className="section-more">
          <ButtonLink to="/events" variant="secondary">
            {t('landing.events.all')}
          </ButtonLink>
        </div>
      </div>
    </section>
  );
}
