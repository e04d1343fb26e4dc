import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/ui';
import { usePageTitle } from '../lib/usePageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <div className="container status-page">
      <p className="status-page__code" aria-hidden="true">
        {t('notFound.code')}
      </p>
      <h1 className="status-page__title">{t('notFound.title')}</h1>
      <p className="status-page__body">{t('notFound.body')}</p>
      <ButtonLink to="/" size="lg">
        {t('notFound.home')}
      </ButtonLink>
    </div>
  );
}
