import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/data/DataTable';
import { QueryView } from '../../../components/data/QueryView';
import { Card, EmptyState, Field, Input } from '../../../components/ui';
import { formatDate } from '../../../lib/format';
import { provinceName } from '../../../lib/taxonomy';
import { useLang } from '../../../lib/useLang';
import { VerifiedBadge } from '../../account/OrganizationCard';
import { AccountStatusBadge } from '../SuspendDialog';
import { useAdminOrganizations } from '../useAdminOrganizations';
import { AccountStatusActions, type RowActionsProps } from './AccountStatusActions';
import { filterOrganizations, organizationSubject, shortOrganizationType } from './accounts';

/** Every organisation, filtered by name in the browser (accents optional). */
export function OrganizationsSection(actions: RowActionsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { query } = useAdminOrganizations();
  const [filter, setFilter] = useState('');
  const orgs = filterOrganizations(query.data?.data ?? [], filter);

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
        <QueryView
          query={query}
          errorTitle={t('admin.loadFailed')}
          isEmpty={() => orgs.length === 0}
          empty={<EmptyState icon="search" title={t('admin.accounts.orgsEmpty')} />}
        >
          {() => (
            <DataTable
              label={t('admin.accounts.orgsTitle')}
              rows={orgs}
              rowKey={(org) => org.id}
              columns={[
                {
                  key: 'name',
                  header: t('admin.accounts.columns.name'),
                  rowHeader: true,
                  className: 'data-table__title',
                  cell: (org) => (
                    <>
                      <Link to={`/organizations/${org.id}`}>{org.name}</Link>
                      <span className="data-table__sub" lang="vi">
                        {provinceName(org.province)}
                      </span>
                    </>
                  ),
                },
                {
                  key: 'type',
                  header: t('admin.accounts.columns.type'),
                  cell: (org) => shortOrganizationType(org.type, lang),
                },
                {
                  key: 'verified',
                  header: t('admin.accounts.columns.verified'),
                  cell: (org) => <VerifiedBadge verified={org.verified} />,
                },
                {
                  key: 'status',
                  header: t('admin.accounts.columns.status'),
                  cell: (org) => <AccountStatusBadge status={org.status} />,
                },
                {
                  key: 'created',
                  header: t('admin.accounts.columns.created'),
                  cell: (org) => formatDate(org.createdAt, lang),
                },
                {
                  key: 'actions',
                  header: t('admin.accounts.columns.actions'),
                  headerHidden: true,
                  className: 'data-table__actions',
                  cell: (org) => (
                    <AccountStatusActions
                      {...actions}
                      target={organizationSubject(org)}
                      suspended={org.status === 'suspended'}
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
