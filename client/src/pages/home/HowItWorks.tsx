import { useTranslation } from 'react-i18next';
import { SectionHeading } from './SectionHeading';

const steps = [1, 2, 3, 4] as const;

export function HowItWorks() {
  const { t } = useTranslation();

  return (
    <section className="section section--tinted" id="how-it-works" aria-labelledby="how-title">
      <div className="container">
        <SectionHeading id="how-title" title={t('home.how.title')} lead={t('home.how.lead')} />
        <ol className="steps">
          {steps.map((n) => (
            <li key={n} className="steps__item">
              <span className="steps__number" aria-hidden="true">
                {n}
              </span>
              <h3 className="steps__title">{t(`home.how.step${n}Title`)}</h3>
              <p className="steps__body">{t(`home.how.step${n}Body`)}</p>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
