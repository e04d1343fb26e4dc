import type { OrganizationDto, SearchResponse } from '@techbridge/shared';
import { apiFetch } from './http';

/** GET /api/search with an already-built query string (see pages/search/searchState.ts). */
export function searchListings(query: string, signal?: AbortSignal): Promise<SearchResponse> {
  return apiFetch<SearchResponse>(`/api/search${query ? `?${query}` : ''}`, { signal });
}

export interface OrganizationProfile extends OrganizationDto {
  stats: { offers: number; demands: number };
}

export function getOrganization(id: string, signal?: AbortSignal): Promise<{ data: OrganizationProfile }> {
  return apiFetch<{ data: OrganizationProfile }>(`/api/organizations/${encodeURIComponent(id)}`, { signal });
}
