import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganizationDto, UserDto } from '@techbridge/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryKeys';
import { getMyVerification, uploadVerificationDocument, type VerificationDto } from '../../api/verification';
import { useAuth } from '../../auth/useAuth';
import { LoadingBlock } from '../../components/data/LoadingBlock';
import { QueryView } from '../../components/data/QueryView';
import { AttachmentList } from '../../components/listings/AttachmentList';
import { Alert, Card, CardHeader } from '../../components/ui';
import { FileUpload } from '../../components/upload/FileUpload';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { DetailList } from './DetailList';
import { VerifiedBadge } from './OrganizationCard';
import { VerificationDetails, VerificationStatusBadge } from './VerificationDetails';
import { VerificationForm } from './VerificationForm';
import { verificationView } from './verificationState';

/**
 * "Xác minh tổ chức" on the account page: the latest request's state (with the
 * rejection reason), the form to ask (owners only, as on the server) and the
 * documents of a pending request.
 */
export function VerificationCard({ user, organization }: { user: UserDto; organization: OrganizationDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const { reloadProfile } = useAuth();
  const isOwner = user.orgRole === 'owner';
  const query = useQuery({ queryKey: queryKeys.myVerification, queryFn: ({ signal }) => getMyVerification(signal) });
  const latest = query.data?.data ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);

  // Approved since the profile was loaded: refresh it once so the badges update everywhere.
  const reloaded = useRef(false);
  useEffect(() => {
    if (latest?.status !== 'approved' || organization.verified || reloaded.current) return;
    reloaded.current = true;
    reloadProfile().catch(() => undefined);
  }, [latest?.status, organization.verified, reloadProfile]);

  const store = (request: VerificationDto) => queryClient.setQueryData(queryKeys.myVerification, { data: request });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.myVerification });
  const view = verificationView(organization.verified, latest, isOwner);

  return (
    <Card as="section" aria-labelledby="verification-title" className="verification" id="verification">
      <CardHeader
        id="verification-title"
        title={t('verification.title')}
        actions={
          organization.verified ? (
            <VerifiedBadge verified />
          ) : latest ? (
            <VerificationStatusBadge status={latest.status} />
          ) : null
        }
      />
      {!organization.verified && <p className="muted">{t('verification.lead')}</p>}
      <QueryView query={query} errorTitle={t('verification.loadFailed')} loading={<LoadingBlock blocks={1} />}>
        {() => (
          <>
            {notice && (
              <Alert tone="success" live>
                {notice}
              </Alert>
            )}
            {view.note === 'verified' && <Alert tone="success">{t('verification.verifiedNote')}</Alert>}
            {view.note === 'pending' && <Alert tone="info">{t('verification.pendingNote')}</Alert>}
            {view.note === 'pendingMember' && <Alert tone="info">{t('verification.pendingMemberNote')}</Alert>}
            {view.note === 'rejected' && (
              <Alert tone="warning" title={t('verification.rejectedTitle')}>
                {latest?.reason && <p>{t('verification.rejectedReason', { reason: latest.reason })}</p>}
                {isOwner && <p>{t('verification.rejectedNote')}</p>}
              </Alert>
            )}
            {view.note === 'none' && <p>{t('verification.noneYet')}</p>}
            {view.notOwner && <p className="muted">{t('verification.notOwner')}</p>}

            {latest && view.showRequest && (
              <div className="verification__request">
                <h3 className="verification__heading">{t('verification.details')}</h3>
                <DetailList
                  items={[
                    { label: t('verification.submittedOn'), value: formatDate(latest.createdAt, lang) },
                    ...(latest.decidedAt
                      ? [{ label: t('verification.decidedOn'), value: formatDate(latest.decidedAt, lang) }]
                      : []),
                  ]}
                />
                <VerificationDetails request={latest} />
                <h3 className="verification__heading">{t('verification.documentsTitle')}</h3>
                <AttachmentList attachments={latest.documents} emptyText={t('verification.noDocuments')} />
                {view.canUpload && (
                  <>
                    {uploadProblem && <Alert tone="error">{uploadProblem}</Alert>}
                    <FileUpload
                      inputId="verification-document"
                      chooseLabel={t('verification.chooseDocument')}
                      hint={t('verification.documentsHint')}
                      upload={(file, options) => uploadVerificationDocument(file, options)}
                      onStart={() => {
                        setUploadProblem(null);
                        setNotice(null);
                      }}
                      onSuccess={(res, file) => {
                        store(res.data);
                        setNotice(t('attachments.uploaded', { name: file.name }));
                      }}
                      onError={(message) => {
                        setUploadProblem(message);
                        // A 404 means the request was decided meanwhile: show its new state.
                        refresh();
                      }}
                      errorMessages={{
                        notFound: t('verification.errors.noPending'),
                        forbidden: t('verification.notOwner'),
                      }}
                    />
                  </>
                )}
              </div>
            )}

            {view.canRequest && (
              <VerificationForm
                key={latest?.id ?? 'new'}
                previous={latest}
                onCreated={(request) => {
                  store(request);
                  setNotice(t('verification.submitted'));
                  setUploadProblem(null);
                }}
                onConflict={refresh}
              />
            )}
          </>
        )}
      </QueryView>
    </Card>
  );
}
