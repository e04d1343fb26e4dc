import { useMutation } from '@tanstack/react-query';
import type { RegisterInput } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { isApiError } from '../api/errors';
import { useAuth } from '../auth/useAuth';
import { Alert, Button, Field, Input, ProvincePicker, Select } from '../components/ui';
import { describeApiError } from '../forms/describeApiError';
import { focusFirstError } from '../forms/focusFirstError';
import { useFieldErrors } from '../forms/useFieldErrors';
import { useLang } from '../lib/useLang';
import { usePageTitle } from '../lib/usePageTitle';
import { AuthLayout } from './auth/AuthLayout';
import { PasswordInput } from './auth/PasswordInput';
import {
  emptyRegisterValues,
  type RegisterField,
  registerFieldOrder,
  setRegisterValue,
  validateRegister,
} from './auth/registerForm';
import { isOrganizationType, organizationTypeOptions } from './auth/registerOptions';

export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.register.title'));
  const lang = useLang();
  const { register } = useAuth();
  const location = useLocation();
  const [params] = useSearchParams();
  const errors = useFieldErrors();
  const [values, setValues] = useState(() => {
    const type = params.get('type');
    return emptyRegisterValues(isOrganizationType(type) ? type : '');
  });

  const mutation = useMutation({
    mutationFn: (input: RegisterInput) => register(input),
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.status === 400 && error.hasFieldErrors) {
        errors.setServerErrors(error.fields);
        focusFirstError(registerFieldOrder, Object.keys(error.fields));
      } else if (error.status === 409) {
        // The alert above says why; put the cursor where the fix goes.
        focusFirstError(registerFieldOrder, ['email']);
      }
    },
  });

  function update(field: RegisterField, value: string) {
    setValues((prev) => setRegisterValue(prev, field, value));
    errors.clear(field);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.reset();
    const result = validateRegister(values);
    if (!result.ok) {
      errors.setClientErrors(result.errors);
      focusFirstError(registerFieldOrder, Object.keys(result.errors));
      return;
    }
    errors.reset();
    mutation.mutate(result.data);
  }

  return (
    <AuthLayout
      title={t('auth.register.title')}
      subtitle={t('auth.register.subtitle')}
      footer={
        <>
          {t('auth.register.haveAccount')}{' '}
          <Link to="/login" state={location.state}>
            {t('auth.register.loginLink')}
          </Link>
        </>
      }
    >
      {mutation.isError && (
        <Alert tone="error">{describeApiError(mutation.error, t, { conflict: t('auth.errors.emailTaken') })}</Alert>
      )}
      <form className="form" noValidate onSubmit={onSubmit}>
        <p className="form__note">{t('common.allRequired')}</p>
        <fieldset className="form__section">
          <legend className="form__legend">{t('auth.register.personSection')}</legend>
          <Field name="name" label={t('auth.fields.name')} error={errors.messageFor('name')} required>
            {(control) => (
              <Input
                {...control}
                autoComplete="name"
                value={values.name}
                onChange={(e) => update('name', e.target.value)}
              />
            )}
          </Field>
          <Field
            name="email"
            label={t('auth.fields.email')}
            hint={t('auth.fields.emailHint')}
            error={errors.messageFor('email')}
            required
          >
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
          <Field
            name="password"
            label={t('auth.fields.password')}
            hint={t('auth.fields.passwordHint')}
            error={errors.messageFor('password')}
            required
          >
            {(control) => (
              <PasswordInput
                {...control}
                autoComplete="new-password"
                value={values.password}
                onChange={(v) => update('password', v)}
              />
            )}
          </Field>
        </fieldset>
        <fieldset className="form__section">
          <legend className="form__legend">{t('auth.register.orgSection')}</legend>
          <Field
            name="organization.name"
            label={t('auth.fields.orgName')}
            hint={t('auth.fields.orgNameHint')}
            error={errors.messageFor('organization.name')}
            required
          >
            {(control) => (
              <Input
                {...control}
                autoComplete="organization"
                value={values.organization.name}
                onChange={(e) => update('organization.name', e.target.value)}
              />
            )}
          </Field>
          <Field
            name="organization.type"
            label={t('auth.fields.orgType')}
            error={errors.messageFor('organization.type')}
            required
          >
            {(control) => (
              <Select
                {...control}
                options={organizationTypeOptions(lang)}
                placeholder={t('auth.fields.orgTypePlaceholder')}
                value={values.organization.type}
                onChange={(e) => update('organization.type', e.target.value)}
              />
            )}
          </Field>
          <Field
            name="organization.province"
            label={t('auth.fields.province')}
            hint={t('auth.fields.provinceHint')}
            error={errors.messageFor('organization.province')}
            required
          >
            {(control) => (
              <ProvincePicker
                {...control}
                placeholder={t('auth.fields.provincePlaceholder')}
                value={values.organization.province}
                onChange={(code) => update('organization.province', code)}
              />
            )}
          </Field>
        </fieldset>
        <Button type="submit" size="lg" block loading={mutation.isPending}>
          {mutation.isPending ? t('auth.register.submitting') : t('auth.register.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
