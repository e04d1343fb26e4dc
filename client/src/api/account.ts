import type {
  AcceptInvitationInput,
  AssignableRole,
  AuthResponse,
  ChangeEmailInput,
  ChangePasswordInput,
  InvitationDto,
  InvitationPreviewDto,
  InviteInput,
  MailPreferences,
  OrganizationDto,
  ResetPasswordInput,
  TeamMemberDto,
  UserDto,
} from '@techbridge/shared';
import { apiFetch } from './http';

// ---- Addresses and passwords

export function postVerifyEmail(token: string): Promise<{ user: UserDto }> {
  return apiFetch('/api/auth/verify-email', { method: 'POST', body: { token }, refreshOnUnauthorized: false });
}

export function postResendVerification(): Promise<{ ok: true }> {
  return apiFetch('/api/auth/verify-email/resend', { method: 'POST' });
}

export function postForgotPassword(email: string): Promise<{ ok: true }> {
  return apiFetch('/api/auth/password/forgot', { method: 'POST', body: { email }, refreshOnUnauthorized: false });
}

export function postResetPassword(input: ResetPasswordInput): Promise<{ ok: true }> {
  return apiFetch('/api/auth/password/reset', { method: 'POST', body: input, refreshOnUnauthorized: false });
}

export function postChangePassword(input: ChangePasswordInput): Promise<{ accessToken: string }> {
  return apiFetch('/api/me/password', { method: 'POST', body: input });
}

export function postChangeEmail(input: ChangeEmailInput): Promise<{ user: UserDto }> {
  return apiFetch('/api/me/email', { method: 'POST', body: input });
}

export function deletePendingEmail(): Promise<{ user: UserDto }> {
  return apiFetch('/api/me/email/pending', { method: 'DELETE' });
}

// ---- E-mail preferences

export function getMailPreferences(signal?: AbortSignal): Promise<{ data: MailPreferences }> {
  return apiFetch('/api/me/notification-preferences', { signal });
}

export function putMailPreferences(changes: Partial<MailPreferences>): Promise<{ data: MailPreferences }> {
  return apiFetch('/api/me/notification-preferences', { method: 'PUT', body: changes });
}

export function postUnsubscribe(token: string): Promise<{ scope: string; turnedOff: string[] }> {
  return apiFetch(`/api/mail/unsubscribe?token=${encodeURIComponent(token)}`, {
    method: 'POST',
    refreshOnUnauthorized: false,
  });
}

// ---- Teams

const TEAM = '/api/organizations/me';

export function getMembers(signal?: AbortSignal): Promise<{ data: TeamMemberDto[] }> {
  return apiFetch(`${TEAM}/members`, { signal });
}

export function getInvitations(signal?: AbortSignal): Promise<{ data: InvitationDto[] }> {
  return apiFetch(`${TEAM}/invitations`, { signal });
}

export function postInvitation(input: InviteInput): Promise<{ data: InvitationDto }> {
  return apiFetch(`${TEAM}/invitations`, { method: 'POST', body: input });
}

export function deleteInvitation(id: string): Promise<void> {
  return apiFetch(`${TEAM}/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function patchMemberRole(userId: string, role: AssignableRole): Promise<{ data: TeamMemberDto }> {
  return apiFetch(`${TEAM}/members/${encodeURIComponent(userId)}`, { method: 'PATCH', body: { role } });
}

export function deleteMember(userId: string): Promise<void> {
  return apiFetch(`${TEAM}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

export function postTransferOwnership(userId: string): Promise<{ data: TeamMemberDto }> {
  return apiFetch(`${TEAM}/owner`, { method: 'POST', body: { userId } });
}

export function postInvitationPreview(token: string): Promise<{ data: InvitationPreviewDto }> {
  return apiFetch('/api/invitations/preview', { method: 'POST', body: { token }, refreshOnUnauthorized: false });
}

export type AcceptInvitationResponse = Partial<Pick<AuthResponse, 'accessToken'>> & {
  user: UserDto;
  organization: OrganizationDto;
};

export function postAcceptInvitation(input: AcceptInvitationInput): Promise<AcceptInvitationResponse> {
  return apiFetch('/api/invitations/accept', { method: 'POST', body: input });
}
