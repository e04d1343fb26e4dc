import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../components/ui';
import type { FromState } from './redirect';
import { useAuth } from './useAuth';

/** Layout route: renders its children only for a signed-in user, otherwise sends them to /login. */
export function RequireAuth() {
  const { status } = useAuth();
  const location = useLocation();

  if (status === 'loading') return <PageLoader />;
  if (status === 'anonymous') {
    const state: FromState = { from: location };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}
