import type { EventStatsDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../../../lib/format';
import { useLang } from '../../../lib/useLang';

/** The organiser's figures, as a row of key numbers. */
export function EventStats({ stats }: { stats: EventStatsDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const items: [string, string][] = [
    [t('events.stats.participants'), formatNumber(stats.participants, lang)],
    [t('events.stats.requested'), formatNumber(stats.meetings.requested, lang)],
    [t('events.stats.accepted'), formatNumber(stats.meetings.accepted, lang)],
    [t('events.stats.scheduled'), formatNumber(stats.meetings.scheduled, lang)],
    [t('events.stats.held'), formatNumber(stats.meetings.held, lang)],
    [t('events.stats.noShow'), formatNumber(stats.meetings.noShow, lang)],
    [t('events.stats.dealsStarted'), formatNumber(stats.deals.started, lang)],
    [t('events.stats.dealsWon'), formatNumber(stats.deals.won, lang)],
    [t('events.stats.wonValue'), formatMoney(stats.deals.wonValueVnd)],
  ];
  return (
    <section aria-labelledby="event-stats-title" className="event-stats">
      <h2 className="visually-hidden" id="event-stats-title">
        {t('events.stats.title')}
      </h2>
      <dl className="event-stats__grid">
        {items.map(([label, value]) => (
          <div key={label} className="event-stats__item">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
