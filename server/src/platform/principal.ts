/** The authenticated caller attached to requests and sockets. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: 'user' | 'admin';
  organizationId: string | null;
  orgRole: 'owner' | 'member' | null;
}

declare global {
  namespace Express {
    interface User extends AuthUser {}
  }
}
