import { useMutation } from '@tanstack/react-query';
import type { UserDto } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deletePendingEmail, postChangeEmail, postChangePassword } from '../../api/account';
import { isApiError } from '../../api/errors';
import { useAuth } from '../../auth/useAuth';
import { Alert, Button, Card, CardHeader, Field, Input } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { PasswordInput } from '../auth/PasswordInput';

/** Change the password (other sessions end) and the sign-in address (confirmed by a mailed link). */
export function SecurityCard({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  return (
    <Card as="section" aria-labelledby="security-title" id="security">
      <CardHeader id="security-title" level={3} title={t('account.security.title')} />
      <PasswordForm />
      <EmailForm user={user} />
    </Card>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const { adoptSession } = useAuth();
  const errors = useFieldErrors();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const change = useMutation({
    mutationFn: async () => adoptSession((await postChangePassword(values)).accessToken),
    onSuccess: () => setValues({ currentPassword: '', newPassword: '' }),
    onError: (error) => {
      if (isApiError(error) && error.hasFieldErrors) errors.setServerErrors(error.fields);
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.reset();
    change.mutate();
  };
  return (
    <form className="form form--compact" noValidate onSubmit={onSubmit} aria-labelledby="password-change-title">
      <h4 className="form__legend" id="password-change-title">
        {t('account.security.changePassword')}
      </h4>
      {change.isSuccess && (
        <Alert tone="success" live>
          {t('account.security.passwordChanged')}
        </Alert>
      )}
      {change.isError && !(isApiError(change.error) && change.error.hasFieldErrors) && (
        <Alert tone="error">{describeApiError(change.error, t)}</Alert>
      )}
      <Field
        name="currentPassword"
        label={t('account.security.currentPassword')}
        error={errors.messageFor('currentPassword')}
        required
      >
        {(control) => (
          <PasswordInput
            {...control}
            autoComplete="current-password"
            value={values.currentPassword}
            onChange={(v) => setValues((p) => ({ ...p, currentPassword: v }))}
          />
        )}
      </Field>
      <Field
        name="newPassword"
        label={t('account.security.newPassword')}
        hint={t('auth.fields.passwordHint')}
        error={errors.messageFor('newPassword')}
        required
      >
        {(control) => (
          <PasswordInput
            {...control}
            autoComplete="new-password"
            value={values.newPassword}
            onChange={(v) => setValues((p) => ({ ...p, newPassword: v }))}
          />
        )}
      </Field>
      <Button type="submit" loading={change.isPending}>
        {change.isPending ? t('account.security.savingPassword') : t('account.security.savePassword')}
      </Button>
    </form>
  );
}

function EmailForm({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const { reloadProfile } = useAuth();
  const errors = useFieldErrors();
  const [values, setValues] = useState({ email: '', password: '' });
  const change = useMutation({
    mutationFn: async () => {
      const result = await postChangeEmail(values);
      await reloadProfile();
      return result;
    },
    onSuccess: () => setValues({ email: '', password: '' }),
    onError: (error) => {
      if (isApiError(error) && error.hasFieldErrors) errors.setServerErrors(error.fields);
    },
  });
  const cancel = useMutation({
    mutationFn: async () => {
      await deletePendingEmail();
      await reloadProfile();
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.reset();
    change.mutate();
  };
  return (
    <form className="form form--compact" noValidate onSubmit={onSubmit} aria-labelledby="email-change-title">
      <h4 className="form__legend" id="email-change-title">
        {t('account.security.changeEmail')}
      </h4>
      {user.pendingEmail && (
        <Alert tone="info">
          <p>{t('account.security.emailPending', { email: user.pendingEmail })}</p>
          <Button variant="ghost" size="sm" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('account.security.cancelPending')}
          </Button>
        </Alert>
      )}
      {change.isSuccess && !change.data.user.pendingEmail && (
        <Alert tone="success" live>
          {t('account.security.emailSentUnverified', { email: change.data.user.email })}
        </Alert>
      )}
      {change.isError && !(isApiError(change.error) && change.error.hasFieldErrors) && (
        <Alert tone="error">{describeApiError(change.error, t)}</Alert>
      )}
      <Field name="email" label={t('account.security.newEmail')} error={errors.messageFor('email')} required>
        {(control) => (
          <Input
            {...control}
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            autoCapitalize="none"
            value={values.email}
            onChange={(e) => setValues((p) => ({ ...p, email: e.target.value }))}
          />
        )}
      </Field>
      <Field
        name="emailPassword"
        label={t('account.security.passwordConfirm')}
        error={errors.messageFor('password')}
        required
      >
        {(control) => (
          <PasswordInput
            {...control}
            autoComplete="current-password"
            value={values.password}
            onChange={(v) => setValues((p) => ({ ...p, password: v }))}
          />
        )}
      </Field>
      <Button type="submit" variant="secondary" loading={change.isPending}>
        {change.isPending ? t('account.security.savingEmail') : t('account.security.saveEmail')}
      </Button>
    </form>
  );
}
