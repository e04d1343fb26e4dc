import type { SearchResponse } from '@techbridge/shared';
import { apiFetch } from './http';

/** GET /api/search with an already-built query string (see pages/search/searchState.ts). */
export function searchListings(query: string, signal?: AbortSignal): Promise<SearchResponse> {
  return apiFetch<SearchResponse>(`/api/search${query ? `?${query}` : ''}`, { signal });
}

export interface OrganizationOption {
  id: string;
  name: string;
  type?: string;
  province: string;
  verified: boolean;
}

/** Organisations of one type (e.g. intermediaries to invite into a deal), optionally filtered by name. */
export function listOrganizations(type: string, q = '', signal?: AbortSignal): Promise<{ data: OrganizationOption[] }> {
  const params = new URLSearchParams({ type });
  if (q.trim()) params.set('q', q.trim());
  return apiFetch<{ data: OrganizationOption[] }>(`/api/organizations?${params}`, { signal });
}
