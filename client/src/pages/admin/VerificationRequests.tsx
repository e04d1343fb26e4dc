import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import {
  approveVerification,
  getVerifications,
  rejectVerification,
  type VerificationDto,
  type VerificationStatus,
  verificationDocumentPath,
  verificationStatuses,
} from '../../api/verification';
import { LoadingBlock } from '../../components/data/LoadingBlock';
import { QueryView } from '../../components/data/QueryView';
import { AttachmentList } from '../../components/listings/AttachmentList';
import { DecisionActions } from '../../components/moderation/DecisionActions';
import { Alert, EmptyState, SegmentedControl } from '../../components/ui';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { VerifiedBadge } from '../account/OrganizationCard';
import { VerificationDetails, VerificationStatusBadge } from '../account/VerificationDetails';
import { useAdminOrganizations } from './useAdminOrganizations';

const isStatus = (value: string | null): value is VerificationStatus =>
  verificationStatuses.includes(value as VerificationStatus);

/** The verification requests of one state (pending by default, `?status=` in the URL), with approve / reject-with-reason. */
export function VerificationRequests() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: VerificationStatus = isStatus(raw) ? raw : 'pending';
  const query = useQuery({
    queryKey: queryKeys.verifications(status),
    queryFn: ({ signal }) => getVerifications(status, signal),
  });
  const { byId } = useAdminOrganizations();
  const [last, setLast] = useState<{ outcome: 'approved' | 'rejected'; name: string } | null>(null);
  const [stale, setStale] = useState(false);

  const nameOf = (request: VerificationDto) =>
    request.organizationName ||
    byId.get(request.organizationId)?.name ||
    t('admin.verifications.unknownOrganization', { id: request.organizationId });

  function decided(outcome: 'approved' | 'rejected', name: string) {
    setLast({ outcome, name });
    setStale(false);
    // Approval verifies the organisation and publishes its waiting listings.
    const keys =
      outcome === 'approved'
        ? [queryKeys.adminAll, queryKeys.searchAll, queryKeys.listingsAll, queryKeys.mineAll, ['organization']]
        : [queryKeys.adminAll];
    for (const key of keys) void queryClient.invalidateQueries({ queryKey: key });
  }

  function selectStatus(next: VerificationStatus) {
    setLast(null);
    setStale(false);
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (next === 'pending') out.delete('status');
        else out.set('status', next);
        return out;
      },
      { replace: true },
    );
  }

  return (
    <section aria-labelledby="verifications-title" className="admin-section">
      <h2 className="section-title" id="verifications-title">
        {t('admin.verifications.title')}
        {query.data && <span className="count-pill">{query.data.data.length}</span>}
      </h2>
      <p className="muted">{t('admin.verifications.lead')}</p>
      <div className="toolbar">
        <SegmentedControl<VerificationStatus>
          legend={t('admin.verifications.statusLegend')}
          options={verificationStatuses.map((value) => ({ value, label: t(`admin.verifications.statuses.${value}`) }))}
          value={status}
          onChange={selectStatus}
        />
      </div>
      {last && (
        <Alert tone="success" live>
          {t(last.outcome === 'approved' ? 'admin.verifications.approvedOne' : 'admin.verifications.rejectedOne', {
            name: last.name,
          })}
        </Alert>
      )}
      {stale && (
        <Alert tone="warning" live>
          {t('admin.verifications.notPending')}
        </Alert>
      )}
      <QueryView
        query={query}
        errorTitle={t('admin.loadFailed')}
        loading={<LoadingBlock className="admin-list" />}
        empty={<EmptyState icon="check" title={t(`admin.verifications.empty.${status}`)} />}
      >
        {({ data }) => (
          <ul className="admin-list">
            {data.map((request) => {
              const org = byId.get(request.organizationId);
              const name = nameOf(request);
              return (
                <li key={request.id} className="admin-item">
                  <article aria-labelledby={`verification-${request.id}`}>
                    <div className="admin-item__badges">
                      <VerificationStatusBadge status={request.status} />
                      <span className="muted">
                        {t('admin.verifications.submitted', { date: formatDate(request.createdAt, lang) })}
                      </span>
                      {request.decidedAt && (
                        <span className="muted">
                          {t('admin.verifications.decided', { date: formatDate(request.decidedAt, lang) })}
                        </span>
                      )}
                    </div>
                    <h3 className="admin-item__title" id={`verification-${request.id}`}>
                      <Link to={`/organizations/${request.organizationId}`}>{name}</Link>{' '}
                      {org && <VerifiedBadge verified={org.verified} />}
                    </h3>
                    {request.status === 'rejected' && request.reason && (
                      <p className="data-table__reason">
                        {t('admin.verifications.reason', { reason: request.reason })}
                      </p>
                    )}
                    <VerificationDetails request={request} />
                    <h4 className="verification__heading">{t('admin.verifications.documents')}</h4>
                    <AttachmentList
                      fileHref={(d) => verificationDocumentPath(request.id, d.id)}
                      attachments={request.documents}
                      emptyText={t('admin.verifications.noDocuments')}
                    />
                    {request.status === 'pending' && (
                      <DecisionActions
                        id={request.id}
                        approve={() => approveVerification(request.id)}
                        reject={(reason) => rejectVerification(request.id, reason)}
                        onDone={(outcome) => decided(outcome, name)}
                        labels={{
                          approve: t('admin.verifications.approve'),
                          approveNamed: t('admin.verifications.approveNamed', { name }),
                          reject: t('admin.verifications.reject'),
                          rejectNamed: t('admin.verifications.rejectNamed', { name }),
                          rejectSubmit: t('admin.verifications.rejectSubmit'),
                          reasonHint: t('admin.verifications.reasonHint'),
                        }}
                        onError={(error) => {
                          // Already decided (by another administrator): show the current lists.
                          if (isApiError(error) && error.status === 404) {
                            setLast(null);
                            setStale(true);
                            void queryClient.invalidateQueries({ queryKey: queryKeys.verificationsAll });
                          }
                        }}
                        errorMessages={{ notFound: t('admin.verifications.notPending') }}
                      />
                    )}
                  </article>
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
