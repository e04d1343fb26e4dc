import type { ListingType, MatchDismissInput, MatchDto, MatchState } from '@techbridge/shared';
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

/** Marks a match seen on my side ("Đã xem"). */
export function markMatchSeen(id: string): Promise<{ data: MatchDto | null }> {
  return apiFetch<{ data: MatchDto | null }>(`/api/matches/${encodeURIComponent(id)}/seen`, { method: 'POST' });
}

/**
 * "Không phù hợp": dismisses a match on my side, with why. Dismissing a
 * dismissed match again changes its reason; repeated reasons tune my
 * organisation's future matches on the server.
 */
export function dismissMatch(id: string, feedback: MatchDismissInput = {}): Promise<{ data: MatchDto | null }> {
  return apiFetch<{ data: MatchDto | null }>(`/api/matches/${encodeURIComponent(id)}/dismiss`, {
    method: 'POST',
    body: feedback,
  });
}
