import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { labelOf, type OrganizationDto, organizationTypes } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getUnverifiedOrganizations, setOrganizationVerified } from '../../api/admin';
import { queryKeys } from '../../api/queryKeys';
import { getVerifications } from '../../api/verification';
import { LoadingBlock } from '../../components/data/LoadingBlock';
import { QueryView } from '../../components/data/QueryView';
import { Alert, Badge, Button, EmptyState } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { formatDate } from '../../lib/format';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';

/**
 * Organisations not yet verified; verifying one also releases its listings
 * waiting for review. Those that sent a verification request link to it.
 */
export function OrganizationVerification() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [verified, setVerified] = useState<string | null>(null);
  const query = useQuery({
    queryKey: queryKeys.unverifiedOrganizations,
    queryFn: ({ signal }) => getUnverifiedOrganizations(signal),
  });
  // Shares its cache with the "Yêu cầu xác minh" tab.
  const pending = useQuery({
    queryKey: queryKeys.verifications('pending'),
    queryFn: ({ signal }) => getVerifications('pending', signal),
  });
  const requested = new Set((pending.data?.data ?? []).map((request) => request.organizationId));
  const verify = useMutation({
    mutationFn: (org: OrganizationDto) => setOrganizationVerified(org.id, true),
    onSuccess: (res) => {
      setVerified(res.data.name);
      // Its pending listings went live: refresh the queue, search, profiles and listings.
      for (const key of [
        queryKeys.adminAll,
        queryKeys.searchAll,
        queryKeys.listingsAll,
        queryKeys.mineAll,
        ['organization'],
      ]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });

  return (
    <section aria-labelledby="verify-title" className="admin-section">
      <h2 className="section-title" id="verify-title">
        {t('admin.organizations.title')}
        {query.data && <span className="count-pill">{query.data.data.length}</span>}
      </h2>
      <p className="muted">{t('admin.organizations.lead')}</p>
      {verified && (
        <Alert tone="success" live>
          {t('admin.organizations.verified', { name: verified })}
        </Alert>
      )}
      {verify.isError && <Alert tone="error">{describeApiError(verify.error, t)}</Alert>}
      <QueryView
        query={query}
        errorTitle={t('admin.loadFailed')}
        loading={<LoadingBlock className="admin-list" blocks={1} />}
        empty={<EmptyState icon="check" title={t('admin.organizations.empty')} />}
      >
        {({ data }) => (
          <ul className="admin-list">
            {data.map((org) => (
              <li key={org.id} className="admin-item admin-item--row">
                <div className="admin-item__main">
                  <h3 className="admin-item__title">
                    <Link to={`/organizations/${org.id}`}>{org.name}</Link>
                  </h3>
                  <p className="admin-item__org">
                    <span>{labelOf(organizationTypes, org.type, lang).split(' (')[0]}</span>
                    <span lang="vi">{provinceName(org.province)}</span>
                    <span>{t('admin.organizations.registered', { date: formatDate(org.createdAt, lang) })}</span>
                  </p>
                  {requested.has(org.id) && (
                    <p className="admin-item__org">
                      <Badge tone="info">{t('admin.organizations.pendingRequest')}</Badge>
                      <Link to="/admin?tab=verifications">{t('admin.organizations.reviewRequest')}</Link>
                    </p>
                  )}
                </div>
                <Button
                  loading={verify.isPending && verify.variables?.id === org.id}
                  disabled={verify.isPending}
                  aria-label={t('admin.organizations.verifyNamed', { name: org.name })}
                  onClick={() => verify.mutate(org)}
                >
                  {t('admin.organizations.verify')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
