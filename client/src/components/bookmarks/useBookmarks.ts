import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BookmarkDto, ListingDto, ListingType } from '@techbridge/shared';
import { addBookmark, getBookmarks, removeBookmark } from '../../api/bookmarks';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';

/** A saved listing in the cache; `listing` is null while a save made here awaits the server's copy. */
export interface SavedEntry extends Omit<BookmarkDto, 'listing'> {
  listing: ListingDto | null;
}

export interface BookmarkChange {
  type: ListingType;
  listingId: string;
  save: boolean;
  /** The listing when the caller has it (shown on "Đã lưu" before the server answers). */
  listing?: ListingDto;
}

const mutationKey = ['bookmarks', 'toggle'] as const;

/** Applies one change to the cached list: a save goes first (newest first), a removal drops the entry. */
export function applyChange(list: readonly SavedEntry[], change: BookmarkChange): SavedEntry[] {
  const rest = list.filter((entry) => entry.listingId !== change.listingId);
  if (!change.save) return rest;
  const known = list.find((entry) => entry.listingId === change.listingId);
  return [
    { type: change.type, listingId: change.listingId, listing: change.listing ?? known?.listing ?? null },
    ...rest,
  ];
}

/** My saved listings (signed-in users only; nothing is fetched otherwise). */
export function useBookmarkList() {
  const { status } = useAuth();
  return useQuery<{ data: SavedEntry[] }>({
    queryKey: queryKeys.bookmarks,
    queryFn: ({ signal }) => getBookmarks(signal),
    enabled: status === 'authenticated',
    staleTime: 60_000,
  });
}

/**
 * Saves or removes a listing at once in the cache (optimistic), then asks the
 * server; a failure puts back that listing's entry as it was, leaving other
 * changes made meanwhile alone. "Not saved" (404) on a removal is the wanted
 * state already, not a failure.
 */
export function useBookmarkToggle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey,
    mutationFn: async (change: BookmarkChange) => {
      if (change.save) return (await addBookmark({ type: change.type, listingId: change.listingId })).data;
      try {
        await removeBookmark(change.listingId);
      } catch (error) {
        if (!(isApiError(error) && error.status === 404)) throw error;
      }
      return null;
    },
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.bookmarks });
      const before = queryClient.getQueryData<{ data: SavedEntry[] }>(queryKeys.bookmarks);
      const index = before?.data.findIndex((entry) => entry.listingId === change.listingId) ?? -1;
      const previous = index >= 0 ? { entry: before?.data[index] as SavedEntry, index } : null;
      queryClient.setQueryData<{ data: SavedEntry[] }>(queryKeys.bookmarks, (old) => ({
        data: applyChange(old?.data ?? [], change),
      }));
      return { previous };
    },
    onError: (_error, change, context) => {
      queryClient.setQueryData<{ data: SavedEntry[] }>(queryKeys.bookmarks, (old) => {
        const rest = (old?.data ?? []).filter((entry) => entry.listingId !== change.listingId);
        const previous = context?.previous;
        if (!previous) return { data: rest };
        const data = [...rest];
        data.splice(Math.min(previous.index, data.length), 0, previous.entry);
        return { data };
      });
    },
    onSuccess: (saved) => {
      if (!saved) return;
      queryClient.setQueryData<{ data: SavedEntry[] }>(queryKeys.bookmarks, (old) => ({
        data: (old?.data ?? []).map((entry) => (entry.listingId === saved.listingId ? saved : entry)),
      }));
    },
    onSettled: () => {
      // The last change in flight re-reads the list, so the cache ends as the server has it.
      if (queryClient.isMutating({ mutationKey }) <= 1) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.bookmarks });
      }
    },
  });
}
