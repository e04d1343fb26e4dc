import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getOrganization } from '../../api/organizations';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';
import { LoadFailed } from '../../components/LoadFailed';
import { Alert, ButtonLink, EmptyState, PageLoader } from '../../components/ui';
import { usePageTitle } from '../../lib/usePageTitle';
import { LogoPanel } from './LogoPanel';
import { ProfileCompleteness } from './ProfileCompleteness';
import { ProfileForm } from './ProfileForm';

/** /organization/profile — my organisation's owner and admins edit its public profile and logo. */
export function OrganizationProfileEditPage() {
  const { t } = useTranslation();
  usePageTitle(t('orgProfile.editTitle'));
  const { user, organization } = useAuth();
  const id = organization?.id ?? user?.organizationId ?? '';
  const canEdit = Boolean(id) && (user?.orgRole === 'owner' || user?.orgRole === 'admin');
  const profile = useQuery({
    queryKey: queryKeys.organization(id),
    queryFn: ({ signal }) => getOrganization(id, signal),
    enabled: canEdit,
  });

  if (!id) {
    return (
      <div className="container page">
        <EmptyState title={t('account.organization.none')} />
      </div>
    );
  }
  if (!canEdit) {
    return (
      <div className="container page">
        <Alert tone="info" title={t('orgProfile.editTitle')}>
          <p>{t('orgProfile.form.forbidden')}</p>
          <p>
            <Link to={`/organizations/${id}`}>{t('orgProfile.viewPublic')}</Link>
          </p>
        </Alert>
      </div>
    );
  }
  if (profile.isPending) return <PageLoader />;
  if (profile.isError) {
    return (
      <div className="container page">
        <LoadFailed title={t('organization.loadFailed')} error={profile.error} retry={() => void profile.refetch()} />
      </div>
    );
  }
  const data = profile.data.data;

  return (
    <div className="container page org-edit-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('orgProfile.editTitle')}</h1>
          <p className="page-header__subtitle">{t('orgProfile.editSubtitle', { name: data.name })}</p>
        </div>
        <ButtonLink to={`/organizations/${data.id}`} variant="secondary" size="sm">
          {t('orgProfile.viewPublic')}
        </ButtonLink>
      </header>
      <div className="org-edit-layout">
        <div className="card card--padded">
          <ProfileForm profile={data} />
        </div>
        <div className="org-edit-layout__side">
          {data.completeness && (
            <ProfileCompleteness
              percent={data.completeness.percent}
              missing={data.completeness.missing}
              action={null}
            />
          )}
          <LogoPanel profile={data} />
        </div>
      </div>
    </div>
  );
}
