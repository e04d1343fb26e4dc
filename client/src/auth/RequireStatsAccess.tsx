import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { ButtonLink, EmptyState } from '../components/ui';
import { usePageTitle } from '../lib/usePageTitle';
import { useAuth } from './useAuth';

/** Who may open /stats: platform administrators and organisations of type "agency". */
export function canSeeStats(role: string | undefined, organizationType: string | undefined): boolean {
  return role === 'admin' || organizationType === 'agency';
}

/** Layout route inside RequireAuth: statistics for operators; everyone else is told why, with a way on. */
export function RequireStatsAccess() {
  const { user, organization } = useAuth();
  if (!canSeeStats(user?.role, organization?.type)) return <StatsNotForYou />;
  return <Outlet />;
}

function StatsNotForYou() {
  const { t } = useTranslation();
  usePageTitle(t('statsAccess.title'));
  return (
    <div className="container page page--narrow">
      <h1 className="visually-hidden">{t('statsAccess.title')}</h1>
      <EmptyState
        title={t('statsAccess.title')}
        actions={<ButtonLink to="/app">{t('statsAccess.dashboard')}</ButtonLink>}
      >
        <p>{t('statsAccess.body')}</p>
        <p>{t('statsAccess.own')}</p>
      </EmptyState>
    </div>
  );
}
