import type { LoginInput, OrganizationDto, RegisterInput, UserDto } from '@techbridge/shared';
import { createContext } from 'react';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';

export interface AuthContextValue {
  status: AuthStatus;
  accessToken: string | null;
  user: UserDto | null;
  organization: OrganizationDto | null;
  login(input: LoginInput): Promise<void>;
  register(input: RegisterInput): Promise<void>;
  logout(): Promise<void>;
  /** Re-reads GET /api/me, e.g. after the organisation was verified. */
  reloadProfile(): Promise<void>;
  /** Takes over a session the server just started (an accepted invitation, a changed password). */
  adoptSession(accessToken: string): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
