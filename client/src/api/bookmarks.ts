import type { BookmarkDto, BookmarkInput, ListingType, SearchHit } from '@techbridge/shared';
import { apiFetch } from './http';
import { listingPath } from './listings';

/** GET /api/bookmarks: my saved listings, newest first. */
export function getBookmarks(signal?: AbortSignal): Promise<{ data: BookmarkDto[] }> {
  return apiFetch<{ data: BookmarkDto[] }>('/api/bookmarks', { signal });
}

/** POST /api/bookmarks: idempotent (201 when saved now, 200 when it already was). */
export function addBookmark(input: BookmarkInput): Promise<{ data: BookmarkDto }> {
  return apiFetch<{ data: BookmarkDto }>('/api/bookmarks', { method: 'POST', body: input });
}

/** DELETE /api/bookmarks/:listingId (404 when it was not saved). */
export function removeBookmark(listingId: string): Promise<void> {
  return apiFetch<void>(`/api/bookmarks/${encodeURIComponent(listingId)}`, { method: 'DELETE' });
}

/** GET /api/offers/:id/similar and /api/demands/:id/similar: published listings of the same type about the same things. */
export function getSimilarListings(
  type: ListingType,
  id: string,
  signal?: AbortSignal,
): Promise<{ data: SearchHit[] }> {
  return apiFetch<{ data: SearchHit[] }>(`${listingPath(type, id)}/similar`, { signal });
}
