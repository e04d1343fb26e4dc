import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button, ButtonLink } from '../components/ui';
import { usePageTitle } from '../lib/usePageTitle';
import { NotFoundPage } from './NotFoundPage';

/** Shown when rendering a route throws; kept free of the app shell so it works even if the shell fails. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  usePageTitle(notFound ? t('notFound.title') : t('routeError.title'));

  if (notFound) {
    return (
      <main id="main" className="app__main">
        <NotFoundPage />
      </main>
    );
  }

  return (
    <main id="main" className="app__main">
      <div className="container status-page">
        <h1 className="status-page__title">{t('routeError.title')}</h1>
        <p className="status-page__body">{t('routeError.body')}</p>
        <div className="status-page__actions">
          <Button size="lg" onClick={() => window.location.reload()}>
            {t('routeError.reload')}
          </Button>
          <ButtonLink to="/" size="lg" variant="secondary">
            {t('routeError.home')}
          </ButtonLink>
        </div>
      </div>
    </main>
  );
}
