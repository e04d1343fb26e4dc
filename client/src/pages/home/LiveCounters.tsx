import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { useLanding } from './useLanding';

const counters = ['offers', 'demands', 'deals', 'provinces'] as const;

/** Live figures: published offers and demands, deals under way, provinces with listings. */
export function LiveCounters() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data } = useLanding();
  const values = {
    offers: data?.counters.offers,
    demands: data?.counters.demands,
    deals: data?.counters.dealsUnderWay,
    provinces: data?.counters.provinces,
  };

  return (
    <section className="live-counters" aria-label={t('landing.counters.label')}>
      <dl className="container live-counters__grid">
        {counters.map((key) => {
          const value = values[key];
          return (
            <div key={key} className="live-counters__item">
              <dt className="live-counters__label">{t(`landing.counters.${key}`)}</dt>
              <dd className="live-counters__value" data-counter={key}>
                {value === undefined || value === null ? '—' : formatNumber(value, lang)}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
