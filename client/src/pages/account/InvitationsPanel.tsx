import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AssignableRole, type InvitationDto, inviteSchema, type OrganizationDto } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteInvitation, getInvitations, postInvitation } from '../../api/account';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import { QueryView } from '../../components/data/QueryView';
import { Alert, Button, Field, Input, Select } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { validate } from '../../forms/validate';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/useLang';

/** Inviting colleagues by e-mail and the invitations still waiting (owner and admins). */
export function InvitationsPanel({ owner, organization }: { owner: boolean; organization: OrganizationDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const errors = useFieldErrors();
  const [values, setValues] = useState<{ email: string; role: AssignableRole }>({ email: '', role: 'member' });
  const invitations = useQuery({
    queryKey: queryKeys.teamInvitations,
    queryFn: ({ signal }) => getInvitations(signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.teamInvitations });
  const invite = useMutation({
    mutationFn: (input: { email: string; role: AssignableRole }) => postInvitation(input),
    onSuccess: () => {
      setValues({ email: '', role: 'member' });
      return refresh();
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 400 && error.hasFieldErrors) errors.setServerErrors(error.fields);
    },
  });
  const revoke = useMutation({
    mutationFn: (invitation: InvitationDto) => deleteInvitation(invitation.id),
    onSuccess: refresh,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    invite.reset();
    const result = validate(inviteSchema, values);
    if (!result.ok) return errors.setClientErrors(result.errors);
    errors.reset();
    invite.mutate(result.data);
  };
  const roleOptions = (owner ? (['member', 'admin'] as const) : (['member'] as const)).map((r) => ({
    value: r,
    label: t(`account.roles.${r}`),
  }));

  return (
    <div className="team-invitations">
      <form className="form form--compact" noValidate onSubmit={onSubmit} aria-labelledby="invite-title">
        <h4 className="form__legend" id="invite-title">
          {t('team.inviteTitle')}
        </h4>
        {invite.isSuccess && (
          <Alert tone="success" live>
            {t('team.invited', { email: invite.variables.email })}
          </Alert>
        )}
        {invite.isError && !(isApiError(invite.error) && invite.error.status === 400) && (
          <Alert tone="error">{describeApiError(invite.error, t, { conflict: t('team.alreadyMember') })}</Alert>
        )}
        <div className="form__row">
          <Field name="inviteEmail" label={t('team.inviteEmail')} error={errors.messageFor('email')} required>
            {(control) => (
              <Input
                {...control}
                type="email"
                autoComplete="off"
                inputMode="email"
                spellCheck={false}
                autoCapitalize="none"
                value={values.email}
                onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
              />
            )}
          </Field>
          <Field name="inviteRole" label={t('team.inviteRole')}>
            {(control) => (
              <Select
                {...control}
                options={roleOptions}
                value={values.role}
                onChange={(e) => setValues((v) => ({ ...v, role: e.target.value as AssignableRole }))}
              />
            )}
          </Field>
        </div>
        <Button type="submit" variant="secondary" loading={invite.isPending}>
          {invite.isPending ? t('team.inviting') : t('team.inviteSubmit')}
        </Button>
      </form>
      <h4 className="form__legend">{t('team.invitations')}</h4>
      {revoke.isError && <Alert tone="error">{describeApiError(revoke.error, t)}</Alert>}
      <QueryView
        query={invitations}
        errorTitle={t('team.loadFailed')}
        empty={<p className="muted">{t('team.noInvitations')}</p>}
      >
        {({ data }) => (
          <ul className="plain-list team-list" aria-label={`${t('team.invitations')} · ${organization.name}`}>
            {data.map((i) => (
              <li key={i.id} className="team-list__item">
                <div className="team-list__who">
                  <span className="team-list__name text-break">{i.email}</span>
                  <span className="muted">
                    {t('team.invitationMeta', {
                      role: t(`account.roles.${i.role}`),
                      by: i.invitedBy,
                      date: formatDate(i.expiresAt, lang),
                    })}
                  </span>
                </div>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t('team.revokeNamed', { email: i.email })}
                  loading={revoke.isPending && revoke.variables?.id === i.id}
                  onClick={() => revoke.mutate(i)}
                >
                  {t('team.revoke')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
