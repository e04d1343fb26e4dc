import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { foldVietnamese, labelOf, organizationTypes } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type AdminOrganizationDto, type AdminUserDto, getAdminUsers, setSuspended } from '../../api/admin';
import { queryKeys } from '../../api/queryKeys';
import { LoadFailed } from '../../components/LoadFailed';
import { useToast } from '../../components/toast/useToast';
import { Alert, Badge, Button, Card, EmptyState, Field, Input, Skeleton } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { formatDate } from '../../lib/format';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { VerifiedBadge } from '../account/OrganizationCard';
import { AccountStatusBadge, SuspendDialog, type SuspendSubject } from './SuspendDialog';
import { useAdminOrganizations } from './useAdminOrganizations';

/** Users and organisations with their status; suspend (after confirming, with an optional reason) or reactivate. */
export function AccountsPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState<SuspendSubject | null>(null);
  const toast = useToast();

  const reactivate = useMutation({
    mutationFn: (target: SuspendSubject) => setSuspended(target.kind, target.id, false),
    onSuccess: (_res, target) => changed(t('admin.accounts.reactivated', { name: target.name })),
  });

  function changed(message: string) {
    // A toast: the row acted on may be far down the tables.
    toast.show({ title: message, tone: 'success' });
    // Lists, statuses and the audit log; the organisation's listings come back to (or leave) search.
    for (const key of [queryKeys.adminAll, queryKeys.searchAll, queryKeys.listingsAll, ['organization']]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  }

  function start(target: SuspendSubject) {
    reactivate.reset();
    setSubject(target);
  }

  const actions = { onSuspend: start, reactivate };

  return (
    <>
      {reactivate.isError && (
        <Alert tone="error">{describeApiError(reactivate.error, t, { notFound: t('admin.accounts.notFound') })}</Alert>
      )}
      <UsersSection {...actions} />
      <OrganizationsSection {...actions} />
      <SuspendDialog
        subject={subject}
        onClose={() => setSubject(null)}
        onSuspended={(target) => {
          setSubject(null);
          changed(t('admin.accounts.suspended', { name: target.name }));
        }}
      />
    </>
  );
}

interface RowActionsProps {
  onSuspend: (target: SuspendSubject) => void;
  reactivate: { isPending: boolean; variables?: SuspendSubject; mutate: (target: SuspendSubject) => void };
}

function StatusActions({
  target,
  suspended,
  onSuspend,
  reactivate,
}: RowActionsProps & { target: SuspendSubject; suspended: boolean | null }) {
  const { t } = useTranslation();
  const busy = reactivate.isPending && reactivate.variables?.id === target.id;
  return (
    <div className="row-actions">
      {suspended !== true && (
        <Button
          size="sm"
          variant="danger"
          disabled={reactivate.isPending}
          aria-label={t('admin.accounts.suspendNamed', { name: target.name })}
          onClick={() => onSuspend(target)}
        >
          {t('admin.accounts.suspend')}
        </Button>
      )}
      {suspended !== false && (
        <Button
          size="sm"
          variant="secondary"
          loading={busy}
          disabled={reactivate.isPending}
          aria-label={t('admin.accounts.reactivateNamed', { name: target.name })}
          onClick={() => reactivate.mutate(target)}
        >
          {t('admin.accounts.reactivate')}
        </Button>
      )}
    </div>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="my-listings__loading">
      <p className="visually-hidden" role="status">
        {t('common.loading')}
      </p>
      <Skeleton variant="block" />
      <Skeleton variant="block" />
    </div>
  );
}

/** Users, searched on the server by name or e-mail (`?q=` in the URL). */
function UsersSection(actions: RowActionsProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const query = useQuery({ queryKey: queryKeys.adminUsers(q), queryFn: ({ signal }) => getAdminUsers(q, signal) });
  const { byId } = useAdminOrganizations();
  // Members of a suspended organisation cannot sign in either.

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (draft.trim()) out.set('q', draft.trim());
        else out.delete('q');
        return out;
      },
      { replace: true },
    );
  }

  const subjectOf = (user: AdminUserDto): SuspendSubject => ({
    kind: 'users',
    id: user.id,
    name: user.name,
    email: user.email,
  });

  return (
    <section aria-labelledby="admin-users-title" className="admin-section">
      <h2 className="section-title" id="admin-users-title">
        {t('admin.accounts.usersTitle')}
        {query.data && <span className="count-pill">{query.data.data.length}</span>}
      </h2>
      <p className="muted">{t('admin.accounts.usersLead')}</p>
      <search>
        <form className="admin-search" onSubmit={search}>
          <Field name="admin-users-q" label={t('admin.accounts.search')}>
            {(control) => (
              <Input
                {...control}
                type="search"
                maxLength={100}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
              />
            )}
          </Field>
          <Button type="submit" variant="secondary" loading={query.isFetching && q !== ''}>
            {t('admin.accounts.searchSubmit')}
          </Button>
        </form>
        <p className="field__hint">{t('admin.accounts.searchHint')}</p>
      </search>
      <Card>
        {query.isPending && <Loading />}
        {query.isError && (
          <LoadFailed title={t('admin.loadFailed')} error={query.error} retry={() => void query.refetch()} />
        )}
        {query.data?.data.length === 0 && <EmptyState icon="search" title={t('admin.accounts.usersEmpty')} />}
        {query.data && query.data.data.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.accounts.columns.name')}</th>
                <th scope="col">{t('admin.accounts.columns.email')}</th>
                <th scope="col">{t('admin.accounts.columns.role')}</th>
                <th scope="col">{t('admin.accounts.columns.organization')}</th>
                <th scope="col">{t('admin.accounts.columns.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.accounts.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {query.data.data.map((user) => {
                const org = user.organizationId ? byId.get(user.organizationId) : undefined;
                return (
                  <tr key={user.id}>
                    <th scope="row" className="data-table__title">
                      {user.name}
                    </th>
                    <td data-label={t('admin.accounts.columns.email')} className="text-break">
                      {user.email}
                    </td>
                    <td data-label={t('admin.accounts.columns.role')}>
                      {user.role === 'admin' ? (
                        <Badge tone="accent">{t('admin.accounts.roles.admin')}</Badge>
                      ) : (
                        t('admin.accounts.roles.user')
                      )}
                    </td>
                    <td data-label={t('admin.accounts.columns.organization')}>
                      {user.organizationId ? (
                        <>
                          <Link to={`/organizations/${user.organizationId}`}>{org?.name ?? user.organizationId}</Link>
                          {org && org.status === 'suspended' && (
                            <>
                              {' '}
                              <AccountStatusBadge status="suspended" />
                            </>
                          )}
                        </>
                      ) : (
                        <span className="muted">{t('admin.accounts.noOrganization')}</span>
                      )}
                    </td>
                    <td data-label={t('admin.accounts.columns.status')}>
                      <AccountStatusBadge status={user.status} />
                    </td>
                    <td className="data-table__actions">
                      {user.role === 'admin' ? (
                        <span className="muted">{t('admin.accounts.adminProtected')}</span>
                      ) : (
                        <StatusActions {...actions} target={subjectOf(user)} suspended={user.status === 'suspended'} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
    </section>
  );
}

/** Every organisation, filtered by name in the browser (accents optional). */
function OrganizationsSection(actions: RowActionsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { query } = useAdminOrganizations();
  const [filter, setFilter] = useState('');
  const wanted = foldVietnamese(filter.trim());
  const orgs = (query.data?.data ?? []).filter((org) => !wanted || foldVietnamese(org.name).includes(wanted));

  const subjectOf = (org: AdminOrganizationDto): SuspendSubject => ({
    kind: 'organizations',
    id: org.id,
    name: org.name,
  });

  return (
    <section aria-labelledby="admin-orgs-title" className="admin-section">
      <h2 className="section-title" id="admin-orgs-title">
        {t('admin.accounts.orgsTitle')}
        {query.data && <span className="count-pill">{orgs.length}</span>}
      </h2>
      <p className="muted">{t('admin.accounts.orgsLead')}</p>
      <div className="admin-search">
        <Field name="admin-orgs-filter" label={t('admin.accounts.orgsFilter')}>
          {(control) => <Input {...control} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />}
        </Field>
      </div>
      <Card>
        {query.isPending && <Loading />}
        {query.isError && (
          <LoadFailed title={t('admin.loadFailed')} error={query.error} retry={() => void query.refetch()} />
        )}
        {query.data && orgs.length === 0 && <EmptyState icon="search" title={t('admin.accounts.orgsEmpty')} />}
        {orgs.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.accounts.columns.name')}</th>
                <th scope="col">{t('admin.accounts.columns.type')}</th>
                <th scope="col">{t('admin.accounts.columns.verified')}</th>
                <th scope="col">{t('admin.accounts.columns.status')}</th>
                <th scope="col">{t('admin.accounts.columns.created')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.accounts.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {orgs.map((org) => {
                const status = org.status;
                return (
                  <tr key={org.id}>
                    <th scope="row" className="data-table__title">
                      <Link to={`/organizations/${org.id}`}>{org.name}</Link>
                      <span className="data-table__sub" lang="vi">
                        {provinceName(org.province)}
                      </span>
                    </th>
                    <td data-label={t('admin.accounts.columns.type')}>
                      {labelOf(organizationTypes, org.type, lang).split(' (')[0]}
                    </td>
                    <td data-label={t('admin.accounts.columns.verified')}>
                      <VerifiedBadge verified={org.verified} />
                    </td>
                    <td data-label={t('admin.accounts.columns.status')}>
                      <AccountStatusBadge status={status} />
                    </td>
                    <td data-label={t('admin.accounts.columns.created')}>{formatDate(org.createdAt, lang)}</td>
                    <td className="data-table__actions">
                      <StatusActions {...actions} target={subjectOf(org)} suspended={status === 'suspended'} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
    </section>
  );
}
