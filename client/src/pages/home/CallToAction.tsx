import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/useAuth';
import { ButtonLink } from '../../components/ui';

export function CallToAction() {
  const { t } = useTranslation();
  const { status } = useAuth();
  const signedIn = status === 'authenticated';

  return (
    <section className="cta-band on-dark" aria-labelledby="cta-title">
      <div className="container cta-band__inner">
        <div>
          <h2 className="cta-band__title" id="cta-title">
            {t('home.cta.title')}
          </h2>
          <p className="cta-band__body">{t('home.cta.body')}</p>
        </div>
        <ButtonLink to={signedIn ? '/app' : '/register'} variant="inverse" size="lg">
          {signedIn ? t('home.cta.dashboard') : t('home.cta.button')}
        </ButtonLink>
      </div>
    </section>
  );
}
