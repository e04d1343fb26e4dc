import { useMutation } from '@tanstack/react-query';
import { passwordSchema } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { postResetPassword } from '../../api/account';
import { isApiError } from '../../api/errors';
import { useAuth } from '../../auth/useAuth';
import { Alert, Button, Field } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { focusFirstError } from '../../forms/focusFirstError';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { validate } from '../../forms/validate';
import { usePageTitle } from '../../lib/usePageTitle';
import { AuthLayout } from './AuthLayout';
import { PasswordInput } from './PasswordInput';

/** The reset link's page: a new password from a single-use token; every earlier session ends. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { status, logout } = useAuth();
  const errors = useFieldErrors();
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: async (value: string) => {
      await postResetPassword({ token, password: value });
      // The server ended every session of the account, this device's too.
      if (status === 'authenticated') await logout();
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 400 && error.fields.password) errors.setServerErrors(error.fields);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.reset();
    const result = validate(passwordSchema, password);
    if (!result.ok) {
      errors.setClientErrors({ password: Object.values(result.errors)[0] ?? '' });
      focusFirstError(['password'], ['password']);
      return;
    }
    errors.reset();
    mutation.mutate(result.data);
  }

  const footer = <Link to="/forgot-password">{t('auth.reset.requestNew')}</Link>;
  if (!token)
    return (
      <AuthLayout title={t('auth.reset.title')} subtitle={t('auth.reset.subtitle')} footer={footer}>
        <Alert tone="error">{t('auth.reset.missingToken')}</Alert>
      </AuthLayout>
    );
  return (
    <AuthLayout title={t('auth.reset.title')} subtitle={t('auth.reset.subtitle')} footer={footer}>
      {mutation.isError && (
        <Alert tone="error">
          {/* A used or expired link is said as such (the server's message, in the UI language). */}
          {(isApiError(mutation.error) && mutation.error.fields.token) || describeApiError(mutation.error, t)}
        </Alert>
      )}
      {mutation.isSuccess ? (
        <Alert tone="success" live>
          <p>{t('auth.reset.done')}</p>
          <p>
            <Link to="/login">{t('auth.reset.goLogin')}</Link>
          </p>
        </Alert>
      ) : (
        <form className="form" noValidate onSubmit={onSubmit}>
          <Field
            name="password"
            label={t('auth.reset.newPassword')}
            hint={t('auth.fields.passwordHint')}
            error={errors.messageFor('password')}
            required
          >
            {(control) => (
              <PasswordInput
                {...control}
                autoComplete="new-password"
                value={password}
                onChange={(v) => {
                  setPassword(v);
                  errors.clear('password');
                }}
              />
            )}
          </Field>
          <Button type="submit" size="lg" block loading={mutation.isPending}>
            {mutation.isPending ? t('auth.reset.submitting') : t('auth.reset.submit')}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
