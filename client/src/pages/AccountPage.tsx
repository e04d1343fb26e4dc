import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/useAuth';
import { Alert, Button } from '../components/ui';
import { describeApiError } from '../forms/describeApiError';
import { initials } from '../lib/initials';
import { usePageTitle } from '../lib/usePageTitle';
import { FollowedSectors } from './account/FollowedSectors';
import { MailPreferencesCard } from './account/MailPreferencesCard';
import { MyListings } from './account/MyListings';
import { OrganizationCard, VerifiedBadge } from './account/OrganizationCard';
import { ProfileCard } from './account/ProfileCard';
import { SavedSearches } from './account/SavedSearches';
import { SecurityCard } from './account/SecurityCard';
import { TeamCard } from './account/TeamCard';
import { VerificationCard } from './account/VerificationCard';

/** The signed-in home: who you are and which organisation you act for, straight from GET /api/me. */
export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.dashboard'));
  const { user, organization, reloadProfile } = useAuth();
  const reload = useMutation({ mutationFn: reloadProfile });

  if (!user) return null;

  return (
    <div className="container page">
      <header className="page-header">
        <span className="avatar avatar--lg" aria-hidden="true">
          {initials(user.name)}
        </span>
        <div className="page-header__text">
          <h1 className="page-header__title">{t('account.title', { name: user.name })}</h1>
          <p className="page-header__subtitle">
            {organization ? (
              <>
                <span>{organization.name}</span> <VerifiedBadge verified={organization.verified} />
              </>
            ) : (
              t('account.subtitle')
            )}
          </p>
        </div>
        <Button variant="secondary" size="sm" loading={reload.isPending} onClick={() => reload.mutate()}>
          {reload.isPending ? t('account.reloading') : t('account.reload')}
        </Button>
      </header>
      {reload.isError && <Alert tone="error">{describeApiError(reload.error, t)}</Alert>}
      <MyListings />
      <section className="dashboard-section" aria-labelledby="alerts-title">
        <h2 className="section-title" id="alerts-title">
          {t('account.alertsTitle')}
        </h2>
        <div className="account-grid">
          <SavedSearches />
          <FollowedSectors />
        </div>
      </section>
      <h2 className="section-title">{t('account.sectionTitle')}</h2>
      <div className="account-grid">
        <ProfileCard user={user} />
        <OrganizationCard organization={organization} />
      </div>
      {organization && <VerificationCard user={user} organization={organization} />}
      {organization && <TeamCard user={user} organization={organization} />}
      <div className="account-grid">
        <SecurityCard user={user} />
        <MailPreferencesCard />
      </div>
    </div>
  );
}
