import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { postVerifyEmail } from '../../api/account';
import { isApiError } from '../../api/errors';
import { useAuth } from '../../auth/useAuth';
import { Alert, Card, Spinner } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { usePageTitle } from '../../lib/usePageTitle';
import { useOnce } from './useOnce';

/** The verification link's page: confirms the address on arrival (a registration, or a new address). */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  usePageTitle(t('verifyEmail.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { status, reloadProfile } = useAuth();
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await postVerifyEmail(token);
      if (status === 'authenticated') await reloadProfile().catch(() => undefined);
      return result;
    },
  });
  // Wait for a stored session to be restored first, so the banner disappears at once.
  useOnce(() => mutation.mutate(), status !== 'loading');

  const failure = mutation.error;
  return (
    <div className="container page page--narrow">
      <Card as="section" aria-labelledby="verify-title">
        <h1 className="page-header__title" id="verify-title">
          {t('verifyEmail.title')}
        </h1>
        {(mutation.isPending || mutation.isIdle) && (
          <p className="muted" role="status">
            <Spinner /> {t('verifyEmail.verifying')}
          </p>
        )}
        {mutation.isSuccess && (
          <Alert tone="success" live>
            <p>{t('verifyEmail.done', { email: mutation.data.user.email })}</p>
            <p>
              {status === 'authenticated' ? (
                <Link to="/app">{t('verifyEmail.goApp')}</Link>
              ) : (
                <Link to="/login">{t('verifyEmail.goLogin')}</Link>
              )}
            </p>
          </Alert>
        )}
        {mutation.isError && (
          <Alert tone="error" title={t('verifyEmail.failed')}>
            {isApiError(failure) && failure.status === 409
              ? t('verifyEmail.taken')
              : (isApiError(failure) && failure.fields.token) || describeApiError(failure, t)}
          </Alert>
        )}
      </Card>
    </div>
  );
}
