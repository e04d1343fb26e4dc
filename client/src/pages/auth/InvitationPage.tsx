import { useMutation, useQuery } from '@tanstack/react-query';
import type { InvitationPreviewDto } from '@techbridge/shared';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { postAcceptInvitation, postInvitationPreview } from '../../api/account';
import { isApiError } from '../../api/errors';
import type { FromState } from '../../auth/redirect';
import { useAuth } from '../../auth/useAuth';
import { Alert, Button, ButtonLink, Card, Field, Input } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { usePageTitle } from '../../lib/usePageTitle';
import { PasswordInput } from './PasswordInput';

/** The invitation link's page: who invites to what; accept signed in, or create the invited address's account. */
export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => postInvitationPreview(token),
    enabled: !!token,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <div className="container page page--narrow">
      <Card as="section" aria-labelledby="invitation-title">
        <h1 className="page-header__title" id="invitation-title">
          {t('invitation.title')}
        </h1>
        {!token || preview.isError ? (
          <Alert tone="error">{t('invitation.invalid')}</Alert>
        ) : preview.data ? (
          <InvitationBody token={token} invitation={preview.data.data} />
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </Card>
    </div>
  );
}

function InvitationBody({ token, invitation }: { token: string; invitation: InvitationPreviewDto }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { status, user, reloadProfile, adoptSession } = useAuth();
  const errors = useFieldErrors();
  const [values, setValues] = useState({ name: '', password: '' });
  const accept = useMutation({
    mutationFn: async (input: { name?: string; password?: string }) => {
      const result = await postAcceptInvitation({ token, ...input });
      if (result.accessToken) await adoptSession(result.accessToken);
      else await reloadProfile();
      return result;
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 400 && error.hasFieldErrors) errors.setServerErrors(error.fields);
    },
  });
  const role = t(`account.roles.${invitation.role}`);
  const intro = t('invitation.intro', {
    inviter: invitation.invitedBy,
    organization: invitation.organization.name,
    role: role.toLowerCase(),
  });

  if (accept.isSuccess)
    return (
      <Alert tone="success" live>
        <p>{t('invitation.joined', { organization: invitation.organization.name })}</p>
        <p>
          <Link to="/app">{t('invitation.goApp')}</Link>
        </p>
      </Alert>
    );

  const failure =
    accept.isError &&
    (isApiError(accept.error) && accept.error.code === 'transfer_ownership_first'
      ? t('invitation.transferFirst')
      : describeApiError(accept.error, t));
  const fromHere: FromState = { from: location };

  let body: ReactNode;
  if (status === 'authenticated' && user) {
    body =
      user.email === invitation.email ? (
        <Button size="lg" loading={accept.isPending} onClick={() => accept.mutate({})}>
          {accept.isPending ? t('invitation.accepting') : t('invitation.accept')}
        </Button>
      ) : (
        <Alert tone="warning">{t('invitation.wrongAccount', { current: user.email, email: invitation.email })}</Alert>
      );
  } else if (invitation.accountExists) {
    body = (
      <>
        <p>{t('invitation.signInToAccept')}</p>
        <ButtonLink to="/login" state={fromHere}>
          {t('invitation.signIn')}
        </ButtonLink>
      </>
    );
  } else {
    const onSubmit = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      errors.reset();
      accept.mutate({ name: values.name.trim(), password: values.password });
    };
    body = (
      <form className="form" noValidate onSubmit={onSubmit}>
        <p>{t('invitation.createLead')}</p>
        <Field name="name" label={t('auth.fields.name')} error={errors.messageFor('name')} required>
          {(control) => (
            <Input
              {...control}
              autoComplete="name"
              value={values.name}
              onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
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
              onChange={(password) => setValues((v) => ({ ...v, password }))}
            />
          )}
        </Field>
        <Button type="submit" size="lg" block loading={accept.isPending}>
          {accept.isPending ? t('invitation.creating') : t('invitation.create')}
        </Button>
      </form>
    );
  }
  return (
    <>
      <p>{intro}</p>
      <p className="muted">{t('invitation.forAddress', { email: invitation.email })}</p>
      {failure && <Alert tone="error">{failure}</Alert>}
      {body}
    </>
  );
}
