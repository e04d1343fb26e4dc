import type { SavedSearchDto } from '@techbridge/shared';
import { apiFetch } from './http';

/** What a saved search keeps: the /search filters, lists as comma-separated codes (as the search API takes them). */
export interface SavedSearchQueryInput {
  q?: string;
  type?: string;
  sector?: string;
  province?: string;
  trlMin?: number;
  ipStatus?: string;
  transferMode?: string;
  orgType?: string;
  lang?: string;
}

export function getSavedSearches(signal?: AbortSignal): Promise<{ data: SavedSearchDto[] }> {
  return apiFetch<{ data: SavedSearchDto[] }>('/api/saved-searches', { signal });
}

export function createSavedSearch(name: string, query: SavedSearchQueryInput): Promise<{ data: SavedSearchDto }> {
  return apiFetch<{ data: SavedSearchDto }>('/api/saved-searches', { method: 'POST', body: { name, query } });
}

export function deleteSavedSearch(id: string): Promise<void> {
  return apiFetch<void>(`/api/saved-searches/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export interface FollowDto {
  sector: string;
  createdAt?: string;
}

export function getFollows(signal?: AbortSignal): Promise<{ data: FollowDto[] }> {
  return apiFetch<{ data: FollowDto[] }>('/api/follows', { signal });
}

export function followSector(sector: string): Promise<{ data: FollowDto }> {
  return apiFetch<{ data: FollowDto }>('/api/follows', { method: 'POST', body: { sector } });
}

export function unfollowSector(sector: string): Promise<void> {
  return apiFetch<void>(`/api/follows/${encodeURIComponent(sector)}`, { method: 'DELETE' });
}
