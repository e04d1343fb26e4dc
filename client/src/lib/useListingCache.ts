import { useQueryClient } from '@tanstack/react-query';
import type { ListingType } from '@techbridge/shared';
import { useCallback } from 'react';
import type { ListingResponse } from '../api/listings';
import { queryKeys } from '../api/queryKeys';
import { useAuth } from '../auth/useAuth';

/**
 * After a listing changed on the server: store the fresh copy for this viewer
 * and mark everything that lists it as stale (my listings, search, admin queue,
 * organisation stats).
 */
export function useListingCache() {
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const viewerId = user?.id ?? null;

  const invalidateLists = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.mineAll });
    void queryClient.invalidateQueries({ queryKey: queryKeys.searchAll });
    void queryClient.invalidateQueries({ queryKey: queryKeys.adminAll });
    void queryClient.invalidateQueries({ queryKey: ['organization'] });
  }, [queryClient]);

  const stored = useCallback(
    (result: ListingResponse) => {
      queryClient.setQueryData(queryKeys.listing(result.data.type, result.data.id, viewerId), result);
      // Other viewers' copies (e.g. cached before signing in) are outdated too.
      void queryClient.invalidateQueries({
        queryKey: queryKeys.listing(result.data.type, result.data.id),
        predicate: (query) => query.queryKey[3] !== (viewerId ?? 'anonymous'),
      });
      invalidateLists();
    },
    [queryClient, viewerId, invalidateLists],
  );

  const changed = useCallback(
    (type: ListingType, id: string) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.listing(type, id) });
      invalidateLists();
    },
    [queryClient, invalidateLists],
  );

  const removed = useCallback(
    (type: ListingType, id: string) => {
      queryClient.removeQueries({ queryKey: queryKeys.listing(type, id) });
      invalidateLists();
    },
    [queryClient, invalidateLists],
  );

  return { stored, changed, removed };
}
