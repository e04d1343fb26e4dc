import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { postUnsubscribe } from '../../api/account';
import { Alert, Card, Spinner } from '../../components/ui';
import { usePageTitle } from '../../lib/usePageTitle';
import { useOnce } from './useOnce';

/** The unsubscribe link of a notification mail: one click, no sign-in; turns that kind of mail off. */
export function UnsubscribePage() {
  const { t } = useTranslation();
  usePageTitle(t('unsubscribe.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const mutation = useMutation({ mutationFn: () => postUnsubscribe(token) });
  useOnce(() => mutation.mutate());
  const scope = mutation.data?.scope;
  const what = scope === 'digest' ? t('unsubscribe.digest') : scope ? t(`mailPrefs.kinds.${scope}` as never) : '';

  return (
    <div className="container page page--narrow">
      <Card as="section" aria-labelledby="unsubscribe-title">
        <h1 className="page-header__title" id="unsubscribe-title">
          {t('unsubscribe.title')}
        </h1>
        {(mutation.isPending || mutation.isIdle) && (
          <p className="muted" role="status">
            <Spinner /> {t('unsubscribe.working')}
          </p>
        )}
        {mutation.isSuccess && (
          <Alert tone="success" live>
            {t('unsubscribe.done', { what: String(what).toLowerCase() })}
          </Alert>
        )}
        {mutation.isError && <Alert tone="error">{t('unsubscribe.failed')}</Alert>}
        <p>
          <Link to="/app#mail-preferences">{t('unsubscribe.manage')}</Link>
        </p>
      </Card>
    </div>
  );
}
