import { useMutation } from '@tanstack/react-query';
import { type LoginInput, loginSchema } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isApiError } from '../api/errors';
import { useAuth } from '../auth/useAuth';
import { Alert, Button, Field, Input } from '../components/ui';
import { describeApiError } from '../forms/describeApiError';
import { focusFirstError } from '../forms/focusFirstError';
import { useFieldErrors } from '../forms/useFieldErrors';
import { validate } from '../forms/validate';
import { usePageTitle } from '../lib/usePageTitle';
import { AuthLayout } from './auth/AuthLayout';
import { PasswordInput } from './auth/PasswordInput';

const fieldOrder = ['email', 'password'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.login.title'));
  const { login } = useAuth();
  const location = useLocation();
  const errors = useFieldErrors();
  const [values, setValues] = useState({ email: '', password: '' });

  // On success the GuestOnly route sends the user on; nothing to do here.
  const mutation = useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onError: (error) => {
      if (isApiError(error) && error.status === 400 && error.hasFieldErrors) {
        errors.setServerErrors(error.fields);
        focusFirstError(fieldOrder, Object.keys(error.fields));
      }
    },
  });

  function update(field: keyof typeof values, value: string) {
    setValues((prev) => ({ ...prev, [field]: value }));
    errors.clear(field);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.reset();
    const result = validate(loginSchema, values);
    if (!result.ok) {
      errors.setClientErrors(result.errors);
      focusFirstError(fieldOrder, Object.keys(result.errors));
      return;
    }
    errors.reset();
    mutation.mutate(result.data);
  }

  return (
    <AuthLayout
      title={t('auth.login.title')}
      subtitle={t('auth.login.subtitle')}
      footer={
        <>
          {t('auth.login.noAccount')}{' '}
          <Link to="/register" state={location.state}>
            {t('auth.login.registerLink')}
          </Link>
        </>
      }
    >
      {mutation.isError && (
        <Alert tone="error">
          {describeApiError(mutation.error, t, { unauthorized: t('auth.errors.invalidCredentials') })}
        </Alert>
      )}
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
              value={values.email}
              onChange={(e) => update('email', e.target.value)}
            />
          )}
        </Field>
        <Field name="password" label={t('auth.fields.password')} error={errors.messageFor('password')} required>
          {(control) => (
            <PasswordInput
              {...control}
              autoComplete="current-password"
              value={values.password}
              onChange={(v) => update('password', v)}
            />
          )}
        </Field>
        <p className="auth__forgot">
          <Link to="/forgot-password">{t('auth.login.forgot')}</Link>
        </p>
        <Button type="submit" size="lg" block loading={mutation.isPending}>
          {mutation.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
