import { Navigate, Outlet } from 'react-router';
import { useAuth } from './useAuth';

/** Who may open /stats: platform administrators and organisations of type "agency". */
export function canSeeStats(role: string | undefined, organizationType: string | undefined): boolean {
  return role === 'admin' || organizationType === 'agency';
}

/** Layout route inside RequireAuth: statistics for operators; everyone else goes to their dashboard. */
export function RequireStatsAccess() {
  const { user, organization } = useAuth();
  if (!canSeeStats(user?.role, organization?.type)) return <Navigate to="/app" replace />;
  return <Outlet />;
}
