import { useMutation } from '@tanstack/react-query';
import { forgotPasswordSchema } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { postForgotPassword } from '../../api/account';
import { isApiError } from '../../api/errors';
import { Alert, Button, Field, Input } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { focusFirstError } from '../../forms/focusFirstError';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { validate } from '../../forms/validate';
import { usePageTitle } from '../../lib/usePageTitle';
import { AuthLayout } from './AuthLayout';

/** "Quên mật khẩu": asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.forgot.title'));
  const errors = useFieldErrors();
  const [email, setEmail] = useState('');
  const mutation = useMutation({
    mutationFn: (address: string) => postForgotPassword(address),
    onError: (error) => {
      if (isApiError(error) && error.status === 400 && error.hasFieldErrors) errors.setServerErrors(error.fields);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.reset();
    const result = validate(forgotPasswordSchema, { email });
    if (!result.ok) {
      errors.setClientErrors(result.errors);
      focusFirstError(['email'], Object.keys(result.errors));
      return;
    }
    errors.reset();
    mutation.mutate(result.data.email);
  }

  return (
    <AuthLayout
      title={t('auth.forgot.title')}
      subtitle={t('auth.forgot.subtitle')}
      footer={<Link to="/login">{t('auth.forgot.backToLogin')}</Link>}
    >
      {mutation.isError && <Alert tone="error">{describeApiError(mutation.error, t)}</Alert>}
      {mutation.isSuccess ? (
        <Alert tone="success" live>
          {t('auth.forgot.sent', { email: mutation.variables })}
        </Alert>
      ) : (
        <form className="form" noValidate onSubmit={onSubmit}>
          <Field name="email" label={t('auth.fields.email')} error={errors.messageFor('email')} required>
            {(control) => (
              <Input
                {...control}
                type="email"
                autoComplete="email"
                inputMode="email"
                spellCheck={false}
                autoCapitalize="none"
                value={email}
                onChange={(e) => {
                  setEmail(e.target.value);
                  errors.clear('email');
                }}
              />
            )}
          </Field>
          <Button type="submit" size="lg" block loading={mutation.isPending}>
            {mutation.isPending ? t('auth.forgot.submitting') : t('auth.forgot.submit')}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
