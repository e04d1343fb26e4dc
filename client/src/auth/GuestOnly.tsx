import { Navigate, Outlet, useLocation } from 'react-router';
import { afterSignInPath } from './redirect';
import { useAuth } from './useAuth';

/** Layout route for /login and /register: a signed-in user is sent on to where they were going. */
export function GuestOnly() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'authenticated') return <Navigate to={afterSignInPath(location.state)} replace />;
  return <Outlet />;
}
