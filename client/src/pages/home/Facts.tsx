import { provinces, sectors, transferModes } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { useLang } from '../../lib/useLang';

/** Figures taken from the shared taxonomies, so they stay true as the catalogues change. */
export function Facts() {
  const { t } = useTranslation();
  const lang = useLang();
  const facts = [
    {
      value: formatNumber(provinces.length, lang),
      label: t('home.facts.provinces'),
      note: t('home.facts.provincesNote'),
    },
    { value: formatNumber(sectors.length, lang), label: t('home.facts.sectors'), note: t('home.facts.sectorsNote') },
    { value: formatNumber(transferModes.length, lang), label: t('home.facts.modes'), note: t('home.facts.modesNote') },
    { value: t('home.facts.trl'), label: null, note: t('home.facts.trlNote') },
  ];

  return (
    <section className="facts" aria-label={t('home.facts.label')}>
      <dl className="container facts__grid">
        {facts.map((fact) => (
          <div key={fact.note} className="facts__item">
            <dt className="facts__label">
              {fact.label ? (
                <>
                  <span className="facts__value">{fact.value}</span> {fact.label}
                </>
              ) : (
                <span className="facts__value">{fact.value}</span>
              )}
            </dt>
            <dd className="facts__note">{fact.note}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
