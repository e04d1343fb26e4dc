import { useTranslation } from 'react-i18next';
import { ButtonLink, Card } from '../../components/ui';
import { SectionHeading } from './SectionHeading';

/** Each audience's call to action pre-selects the matching organisation type on /register. */
const audiences = [
  { key: 'supply', orgType: 'research_institute', icon: 'M4 20h16M6 20V10l6-5 6 5v10M10 20v-5h4v5' },
  { key: 'demand', orgType: 'enterprise', icon: 'M3 20h18M5 20V9l5 3V9l5 3V5h4v15' },
  {
    key: 'broker',
    orgType: 'intermediary',
    icon: 'M7 8a3 3 0 1 0 0-.01M17 8a3 3 0 1 0 0-.01M3 19c0-3 2-5 4-5s4 2 5 3c1-1 3-3 5-3s4 2 4 5',
  },
] as const;

const points = ['point1', 'point2', 'point3'] as const;

export function Audiences() {
  const { t } = useTranslation();

  return (
    <section className="section" id="audiences" aria-labelledby="audiences-title">
      <div className="container">
        <SectionHeading id="audiences-title" title={t('home.audiences.title')} lead={t('home.audiences.lead')} />
        <div className="audiences">
          {audiences.map(({ key, orgType, icon }) => (
            <Card as="article" key={key} className={`audience audience--${key}`} aria-labelledby={`audience-${key}`}>
              <div className="audience__icon" aria-hidden="true">
                <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
                  <path
                    d={icon}
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.8"
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  />
                </svg>
              </div>
              <p className="audience__role">{t(`home.audiences.${key}.role`)}</p>
              <h3 className="audience__title" id={`audience-${key}`}>
                {t(`home.audiences.${key}.title`)}
              </h3>
              <p className="audience__body">{t(`home.audiences.${key}.body`)}</p>
              <ul className="checklist">
                {points.map((point) => (
                  <li key={point}>{t(`home.audiences.${key}.${point}`)}</li>
                ))}
              </ul>
              <ButtonLink
                to={`/register?type=${orgType}`}
                variant="secondary"
                className="audience__cta"
                aria-describedby={`audience-${key}`}
              >
                {t(`home.audiences.${key}.cta`)}
              </ButtonLink>
            </Card>
          ))}
        </div>
      </div>
    </section>
  );
}
