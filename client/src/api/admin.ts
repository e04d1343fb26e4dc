import type { ListingDto, ListingType, OrganizationDto } from '@techbridge/shared';
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
