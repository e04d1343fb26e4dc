import type { AuditEntryDto, ListingDto, ListingType, OrganizationDto } from '@techbridge/shared';
import { apiFetch } from './http';

export function getModerationQueue(signal?: AbortSignal): Promise<{ data: ListingDto[] }> {
  return apiFetch<{ data: ListingDto[] }>('/api/admin/listings?status=pending_review', { signal });
}

export function approveListing(type: ListingType, id: string): Promise<{ data: ListingDto }> {
  return apiFetch<{ data: ListingDto }>(`/api/admin/listings/${type}/${encodeURIComponent(id)}/approve`, {
    method: 'POST',
  });
}

export function rejectListing(type: ListingType, id: string, reason: string): Promise<{ data: ListingDto }> {
  return apiFetch<{ data: ListingDto }>(`/api/admin/listings/${type}/${encodeURIComponent(id)}/reject`, {
    method: 'POST',
    body: { reason },
  });
}

export function getUnverifiedOrganizations(signal?: AbortSignal): Promise<{ data: OrganizationDto[] }> {
  return apiFetch<{ data: OrganizationDto[] }>('/api/admin/organizations?verified=false', { signal });
}

export function setOrganizationVerified(id: string, verified: boolean): Promise<{ data: OrganizationDto }> {
  return apiFetch<{ data: OrganizationDto }>(`/api/admin/organizations/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { verified },
  });
}

export type AccountStatus = 'active' | 'suspended';

/** A row of GET /api/admin/users. */
export interface AdminUserDto {
  id: string;
  email: string;
  name: string;
  role: 'user' | 'admin';
  status: AccountStatus;
  organizationId: string | null;
}

/**
 * A row of GET /api/admin/organizations. The server's presenter does not send
 * `status` yet; it is read when present (see useOrganizationStatuses).
 */
export interface AdminOrganizationDto extends OrganizationDto {
  status: AccountStatus;
}

/** Users, newest first; `q` matches the e-mail or the name (the server returns at most 200). */
export function getAdminUsers(q: string, signal?: AbortSignal): Promise<{ data: AdminUserDto[] }> {
  const query = q.trim() ? `?${new URLSearchParams({ q: q.trim() })}` : '';
  return apiFetch<{ data: AdminUserDto[] }>(`/api/admin/users${query}`, { signal });
}

/** Every organisation, newest first (at most 500). */
export function getAdminOrganizations(signal?: AbortSignal): Promise<{ data: AdminOrganizationDto[] }> {
  return apiFetch<{ data: AdminOrganizationDto[] }>('/api/admin/organizations', { signal });
}

export type SuspensionTarget = 'users' | 'organizations';

/** Suspends (with an optional reason) or reactivates a user or an organisation; the server answers 204. */
export function setSuspended(target: SuspensionTarget, id: string, suspend: boolean, reason?: string): Promise<void> {
  const action = suspend ? 'suspend' : 'reactivate';
  return apiFetch<void>(`/api/admin/${target}/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
    body: suspend && reason ? { reason } : {},
  });
}

/** An entry of the platform audit log (GET /api/admin/audit). */
export interface AdminAuditEntryDto extends AuditEntryDto {
  targetType: string;
  targetId: string;
  dealId: string | null;
}

/** Filters of the audit log, named as the query parameters of auditQuerySchema. */
export interface AuditFilters {
  action?: string;
  /** The actor's user id. */
  actor?: string;
  /** The target's id. */
  target?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive. */
  to?: string;
}

/** The audit log, newest first; `before` and `beforeId` (time and id of the last entry shown) load the next page. */
export function getAuditLog(
  filters: AuditFilters,
  page: { before?: string; beforeId?: string; limit: number },
  signal?: AbortSignal,
): Promise<{ data: AdminAuditEntryDto[] }> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (page.before) params.set('before', page.before);
  if (page.beforeId) params.set('beforeId', page.beforeId);
  params.set('limit', String(page.limit));
  return apiFetch<{ data: AdminAuditEntryDto[] }>(`/api/admin/audit?${params}`, { signal });
}
