import { Navigate, Outlet } from 'react-router';
import { useAuth } from './useAuth';

/** Layout route inside RequireAuth: administrators only; everyone else goes to their dashboard. */
export function RequireAdmin() {
  const { user } = useAuth();
  if (user?.role !== 'admin') return <Navigate to="/app" replace />;
  return <Outlet />;
}
