import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/useAuth';
import { ButtonLink } from '../../components/ui';
import { HomeSearch } from './HomeSearch';

const flow = [
  { key: 'supply', by: 'supplyBy', tone: 'supply' },
  { key: 'broker', by: 'brokerBy', tone: 'broker' },
  { key: 'demand', by: 'demandBy', tone: 'demand' },
] as const;

export function Hero() {
  const { t } = useTranslation();
  const { status } = useAuth();

  return (
    <section className="hero" aria-labelledby="hero-title">
      <div className="container hero__grid">
        <div className="hero__copy">
          <p className="eyebrow">{t('home.hero.eyebrow')}</p>
          <h1 className="hero__title" id="hero-title">
            {t('home.hero.title')}
          </h1>
          <p className="hero__lead">{t('home.hero.lead')}</p>
          <HomeSearch />
          <div className="hero__actions">
            {status === 'authenticated' ? (
              <ButtonLink to="/app" size="lg">
                {t('home.hero.dashboard')}
              </ButtonLink>
            ) : (
              <>
                <ButtonLink to="/register" size="lg">
                  {t('home.hero.primary')}
                </ButtonLink>
                <ButtonLink to="/login" size="lg" variant="secondary">
                  {t('home.hero.secondary')}
                </ButtonLink>
              </>
            )}
          </div>
        </div>
        <figure className="flow" aria-labelledby="flow-caption">
          <figcaption id="flow-caption" className="visually-hidden">
            {t('home.hero.diagramLabel')}
          </figcaption>
          <ol className="flow__list">
            {flow.map((step) => (
              <li key={step.key} className={`flow__step flow__step--${step.tone}`}>
                <span className="flow__dot" aria-hidden="true" />
                <span className="flow__title">{t(`home.hero.${step.key}`)}</span>
                <span className="flow__by">{t(`home.hero.${step.by}`)}</span>
              </li>
            ))}
          </ol>
        </figure>
      </div>
    </section>
  );
}
