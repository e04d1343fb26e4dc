import type { AuthResponse, LoginInput, OrganizationDto, RegisterInput, UserDto } from '@techbridge/shared';
import { apiFetch } from './http';

export interface MeResponse {
  user: UserDto;
  organization: OrganizationDto | null;
}

export type LoginResponse = Pick<AuthResponse, 'accessToken' | 'user'>;

export function postLogin(input: LoginInput): Promise<LoginResponse> {
  return apiFetch<LoginResponse>('/api/auth/login', {
    method: 'POST',
    body: input,
    refreshOnUnauthorized: false,
  });
}

export function postRegister(input: RegisterInput): Promise<AuthResponse> {
  return apiFetch<AuthResponse>('/api/auth/register', {
    method: 'POST',
    body: input,
    refreshOnUnauthorized: false,
  });
}

export function postLogout(): Promise<void> {
  return apiFetch<void>('/api/auth/logout', { method: 'POST' });
}

export async function getMe(signal?: AbortSignal): Promise<MeResponse> {
  const me = await apiFetch<{ user: UserDto; organization?: OrganizationDto | null }>('/api/me', { signal });
  return { user: me.user, organization: me.organization ?? null };
}
