import { getProvince, labelOf, type OrganizationDto, organizationTypes } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { Alert, Badge, Card, CardHeader } from '../../components/ui';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { DetailList } from './DetailList';

export function VerifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return verified ? (
    <Badge
      tone="success"
      icon={
        <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true">
          <path fill="currentColor" d="m8.6 13.6-3.4-3.5 1.3-1.3 2.1 2.2 4.9-4.9 1.3 1.3-6.2 6.2Z" />
        </svg>
      }
    >
      {t('account.organization.verified')}
    </Badge>
  ) : (
    <Badge tone="warning">{t('account.organization.unverified')}</Badge>
  );
}

export function OrganizationCard({ organization }: { organization: OrganizationDto | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useAuth();

  if (!organization) {
    return (
      <Card as="section" aria-labelledby="org-title">
        <CardHeader id="org-title" level={3} title={t('account.organization.title')} />
        <p className="muted">{t('account.organization.none')}</p>
      </Card>
    );
  }

  const province = getProvince(organization.province);
  const canEdit = user?.orgRole === 'owner' || user?.orgRole === 'admin';

  return (
    <Card as="section" aria-labelledby="org-title">
      <CardHeader id="org-title" level={3} title={t('account.organization.title')} />
      <DetailList
        items={[
          { label: t('account.organization.name'), value: organization.name },
          { label: t('account.organization.type'), value: labelOf(organizationTypes, organization.type, lang) },
          {
            label: t('account.organization.province'),
            value: <span lang="vi">{province?.name ?? organization.province}</span>,
          },
          { label: t('account.organization.status'), value: <VerifiedBadge verified={organization.verified} /> },
          { label: t('account.organization.created'), value: formatDate(organization.createdAt, lang) },
        ]}
      />
      <p className="org-card__links">
        <Link to={`/organizations/${organization.id}`}>{t('orgProfile.viewPublic')}</Link>
        {canEdit && <Link to="/organization/profile">{t('orgProfile.edit')}</Link>}
      </p>
      {!organization.verified && (
        <Alert tone="info">
          <p>{t('account.organization.unverifiedNote')}</p>
          <p>
            <a href="#verification">{t('account.organization.requestVerification')}</a>
          </p>
        </Alert>
      )}
    </Card>
  );
}
