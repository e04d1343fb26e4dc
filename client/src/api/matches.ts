import type { ListingType, MatchDto, MatchState } from '@techbridge/shared';
import { apiFetch } from './http';
import { listingPath } from './listings';

/** My organisation's matches, best first; without a state the server leaves out dismissed ones. */
export function getMatches(state?: MatchState, signal?: AbortSignal): Promise<{ data: MatchDto[] }> {
  return apiFetch<{ data: MatchDto[] }>(`/api/matches${state ? `?state=${state}` : ''}`, { signal });
}

/** One of my listings' matches, best first (owners and administrators only). */
export function getListingMatches(type: ListingType, id: string, signal?: AbortSignal): Promise<{ data: MatchDto[] }> {
  return apiFetch<{ data: MatchDto[] }>(`${listingPath(type, id)}/matches`, { signal });
}

export function markMatch(id: string, action: 'seen' | 'dismiss'): Promise<{ data: MatchDto | null }> {
  return apiFetch<{ data: MatchDto | null }>(`/api/matches/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
}
