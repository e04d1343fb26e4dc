import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { postResendVerification } from '../../api/account';
import { useAuth } from '../../auth/useAuth';
import { describeApiError } from '../../forms/describeApiError';
import { Button } from '../ui';

/** Above every page of an unverified account: what is waiting for the address, and the link again. */
export function VerifyEmailBanner() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const resend = useMutation({ mutationFn: postResendVerification });
  if (!user || user.emailVerified) return null;
  return (
    <section className="verify-banner" aria-label={t('verifyEmail.title')}>
      <div className="container verify-banner__inner">
        <p className="verify-banner__text">{t('verifyEmail.banner', { email: user.email })}</p>
        <Button variant="secondary" size="sm" loading={resend.isPending} onClick={() => resend.mutate()}>
          {resend.isPending ? t('verifyEmail.resending') : t('verifyEmail.resend')}
        </Button>
        <p className="verify-banner__status" role="status">
          {resend.isSuccess && t('verifyEmail.resent')}
          {resend.isError && describeApiError(resend.error, t)}
        </p>
      </div>
    </section>
  );
}
