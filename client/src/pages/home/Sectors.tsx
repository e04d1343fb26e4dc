import { sectors } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { SectionHeading } from './SectionHeading';
import { useLanding } from './useLanding';

/** The sectors as links to a search in each, with their published listings counted. */
export function Sectors() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data } = useLanding();

  return (
    <section className="section" id="sectors" aria-labelledby="sectors-title">
      <div className="container">
        <SectionHeading
          id="sectors-title"
          title={t('home.sectors.title')}
          lead={t('home.sectors.lead', { count: sectors.length })}
        />
        <ul className="chips">
          {sectors.map((sector) => {
            const count = data?.sectors[sector.code];
            return (
              <li key={sector.code}>
                <Link
                  className="chip chip--link"
                  to={`/search?sector=${sector.code}`}
                  title={t('landing.sectors.search', { sector: sector[lang] })}
                >
                  {sector[lang]}
                  {count !== undefined && (
                    <span className="chip__count">
                      {' '}
                      <span aria-hidden="true">{formatNumber(count, lang)}</span>
                      <span className="visually-hidden">{t('landing.sectors.count', { count })}</span>
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
