import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getAdminUsers } from '../../../api/admin';
import { queryKeys } from '../../../api/queryKeys';
import { DataTable } from '../../../components/data/DataTable';
import { QueryView } from '../../../components/data/QueryView';
import { Badge, Button, Card, EmptyState, Field, Input } from '../../../components/ui';
import { withParams } from '../../../lib/searchParams';
import { AccountStatusBadge } from '../SuspendDialog';
import { useAdminOrganizations } from '../useAdminOrganizations';
import { AccountStatusActions, type RowActionsProps } from './AccountStatusActions';
import { userSubject } from './accounts';

/** Users, searched on the server by name or e-mail (`?q=` in the URL). */
export function UsersSection(actions: RowActionsProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const query = useQuery({ queryKey: queryKeys.adminUsers(q), queryFn: ({ signal }) => getAdminUsers(q, signal) });
  // Members of a suspended organisation cannot sign in either: its status is shown beside it.
  const { byId } = useAdminOrganizations();

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams((prev) => withParams(prev, { q: draft.trim() }), { replace: true });
  }

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
        <QueryView
          query={query}
          errorTitle={t('admin.loadFailed')}
          empty={<EmptyState icon="search" title={t('admin.accounts.usersEmpty')} />}
        >
          {({ data }) => (
            <DataTable
              label={t('admin.accounts.usersTitle')}
              rows={data}
              rowKey={(user) => user.id}
              columns={[
                {
                  key: 'name',
                  header: t('admin.accounts.columns.name'),
                  rowHeader: true,
                  className: 'data-table__title',
                  cell: (user) => user.name,
                },
                {
                  key: 'email',
                  header: t('admin.accounts.columns.email'),
                  className: 'text-break',
                  // One line, cut with an ellipsis (the whole address in the title), never broken mid-word.
                  cell: (user) => (
                    <span className="cell-ellipsis" title={user.email}>
                      {user.email}
                    </span>
                  ),
                },
                {
                  key: 'role',
                  header: t('admin.accounts.columns.role'),
                  cell: (user) =>
                    user.role === 'admin' ? (
                      <Badge tone="accent">{t('admin.accounts.roles.admin')}</Badge>
                    ) : (
                      t('admin.accounts.roles.user')
                    ),
                },
                {
                  key: 'organization',
                  header: t('admin.accounts.columns.organization'),
                  cell: (user) => {
                    if (!user.organizationId) {
                      return <span className="muted">{t('admin.accounts.noOrganization')}</span>;
                    }
                    const org = byId.get(user.organizationId);
                    return (
                      <>
                        <Link to={`/organizations/${user.organizationId}`}>{org?.name ?? user.organizationId}</Link>
                        {org && org.status === 'suspended' && (
                          <>
                            {' '}
                            <AccountStatusBadge status="suspended" />
                          </>
                        )}
                      </>
                    );
                  },
                },
                {
                  key: 'status',
                  header: t('admin.accounts.columns.status'),
                  cell: (user) => <AccountStatusBadge status={user.status} />,
                },
                {
                  key: 'actions',
                  header: t('admin.accounts.columns.actions'),
                  headerHidden: true,
                  className: 'data-table__actions',
                  cell: (user) =>
                    user.role === 'admin' ? (
                      <span className="muted">{t('admin.accounts.adminProtected')}</span>
                    ) : (
                      <AccountStatusActions
                        {...actions}
                        target={userSubject(user)}
                        suspended={user.status === 'suspended'}
                      />
                    ),
                },
              ]}
            />
          )}
        </QueryView>
      </Card>
    </section>
  );
}
