import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignableRole, OrganizationDto, TeamMemberDto, UserDto } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteMember, getMembers, patchMemberRole, postTransferOwnership } from '../../api/account';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';
import { LoadingBlock } from '../../components/data/LoadingBlock';
import { QueryView } from '../../components/data/QueryView';
import { Alert, Badge, Button, Card, CardHeader, ConfirmDialog } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { InvitationsPanel } from './InvitationsPanel';

type Pending = { kind: 'remove' | 'transfer'; member: TeamMemberDto } | null;

/** The organisation's team: members and roles; the owner and admins invite, change roles, remove, hand over. */
export function TeamCard({ user, organization }: { user: UserDto; organization: OrganizationDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { reloadProfile, logout } = useAuth();
  const members = useQuery({ queryKey: queryKeys.teamMembers, queryFn: ({ signal }) => getMembers(signal) });
  const [pending, setPending] = useState<Pending>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.teamAll });
  const role = useMutation({
    mutationFn: ({ member, to }: { member: TeamMemberDto; to: AssignableRole }) => patchMemberRole(member.id, to),
    onSuccess: refresh,
  });
  const confirm = useMutation({
    mutationFn: async (action: NonNullable<Pending>) => {
      if (action.kind === 'transfer') await postTransferOwnership(action.member.id);
      else await deleteMember(action.member.id);
    },
    onSuccess: async (_done, action) => {
      setPending(null);
      if (action.member.id === user.id) return leftTeam();
      await refresh();
      if (action.kind === 'transfer') await reloadProfile();
    },
  });
  // Leaving the organisation: the session stays, without its records; the profile is read again.
  const leftTeam = async () => {
    await reloadProfile().catch(() => logout());
    queryClient.clear();
  };
  const owner = user.orgRole === 'owner';
  const manager = owner || user.orgRole === 'admin';

  const actionsFor = (m: TeamMemberDto) => {
    const self = m.id === user.id;
    const buttons = [];
    if (owner && !self && m.orgRole !== 'owner') {
      const to: AssignableRole = m.orgRole === 'admin' ? 'member' : 'admin';
      buttons.push(
        <Button
          key="role"
          variant="ghost"
          size="sm"
          aria-label={t('team.roleNamed', { name: m.name })}
          loading={role.isPending && role.variables?.member.id === m.id}
          onClick={() => role.mutate({ member: m, to })}
        >
          {to === 'admin' ? t('team.makeAdmin') : t('team.makeMember')}
        </Button>,
        <Button
          key="transfer"
          variant="ghost"
          size="sm"
          aria-label={t('team.transferNamed', { name: m.name })}
          onClick={() => setPending({ kind: 'transfer', member: m })}
        >
          {t('team.transfer')}
        </Button>,
      );
    }
    const canRemove = m.orgRole !== 'owner' && (self || owner || (user.orgRole === 'admin' && m.orgRole === 'member'));
    if (canRemove)
      buttons.push(
        <Button
          key="remove"
          variant="ghost"
          size="sm"
          aria-label={self ? t('team.leave') : t('team.removeNamed', { name: m.name })}
          onClick={() => setPending({ kind: 'remove', member: m })}
        >
          {self ? t('team.leave') : t('team.remove')}
        </Button>,
      );
    return buttons;
  };

  return (
    <Card as="section" aria-labelledby="team-title" id="team">
      <CardHeader id="team-title" level={3} title={t('team.title')} />
      <p className="muted">{t('team.lead')}</p>
      {role.isError && <Alert tone="error">{describeApiError(role.error, t)}</Alert>}
      <QueryView query={members} errorTitle={t('team.loadFailed')} loading={<LoadingBlock blocks={1} />}>
        {({ data }) => (
          <ul className="plain-list team-list" aria-label={t('team.title')}>
            {data.map((m) => (
              <li key={m.id} className="team-list__item">
                <div className="team-list__who">
                  <span className="team-list__name">
                    {m.name} {m.id === user.id && <span className="muted">{t('team.you')}</span>}
                  </span>
                  <span className="muted text-break">{m.email}</span>
                </div>
                <Badge tone={m.orgRole === 'owner' ? 'accent' : 'neutral'}>{t(`account.roles.${m.orgRole}`)}</Badge>
                <div className="team-list__actions">{actionsFor(m)}</div>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {manager && <InvitationsPanel owner={owner} organization={organization} />}
      <ConfirmDialog
        open={!!pending}
        title={
          pending?.kind === 'transfer'
            ? t('team.transfer')
            : pending?.member.id === user.id
              ? t('team.leave')
              : t('team.remove')
        }
        confirmLabel={t('team.confirm')}
        tone={pending?.kind === 'transfer' ? 'primary' : 'danger'}
        loading={confirm.isPending}
        error={confirm.isError ? describeApiError(confirm.error, t) : null}
        onConfirm={() => pending && confirm.mutate(pending)}
        onCancel={() => {
          setPending(null);
          confirm.reset();
        }}
      >
        <p>
          {pending?.kind === 'transfer'
            ? t('team.transferConfirm', { name: pending.member.name })
            : pending?.member.id === user.id
              ? t('team.leaveConfirm')
              : t('team.removeConfirm', { name: pending?.member.name ?? '' })}
        </p>
      </ConfirmDialog>
    </Card>
  );
}
