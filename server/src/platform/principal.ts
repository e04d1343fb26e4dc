/** The authenticated caller attached to requests and sockets. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: 'user' | 'admin';
  organizationId: string | null;
  orgRole: 'owner' | 'admin' | 'member' | null;
  /** False until the user confirmed their address (absent where a principal is built for a system task). */
  emailVerified?: boolean;
}

declare global {
  namespace Express {
    interface User extends AuthUser {}
  }
}
