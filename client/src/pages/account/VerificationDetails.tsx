import { useTranslation } from 'react-i18next';
import type { VerificationDto, VerificationStatus } from '../../api/verification';
import { Badge, type BadgeTone } from '../../components/ui';
import { DetailList } from './DetailList';

const statusTone: Record<VerificationStatus, BadgeTone> = { pending: 'info', approved: 'success', rejected: 'danger' };

/** A verification request's state as a badge ("Đang chờ xét duyệt", "Đã phê duyệt", "Bị từ chối"). */
export function VerificationStatusBadge({ status }: { status: VerificationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status]}>{t(`verification.status.${status}`)}</Badge>;
}

/** The registration details of a request as a description list (organisation and admin views). */
export function VerificationDetails({ request }: { request: VerificationDto }) {
  const { t } = useTranslation();
  const missing = <span className="muted">{t('common.notProvided')}</span>;
  return (
    <DetailList
      items={[
        { label: t('verification.fields.registrationNumber'), value: request.registrationNumber },
        { label: t('verification.fields.taxCode'), value: request.taxCode ?? missing },
        { label: t('verification.fields.address'), value: request.address },
        {
          label: t('verification.fields.website'),
          value: request.website ? (
            <a href={request.website} target="_blank" rel="noopener noreferrer" className="text-break">
              {request.website}
            </a>
          ) : (
            missing
          ),
        },
        {
          label: t('verification.fields.note'),
          value: request.note ? <span className="verification__note">{request.note}</span> : missing,
        },
      ]}
    />
  );
}
