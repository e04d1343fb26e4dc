import { useQuery } from '@tanstack/react-query';
import type { ListingType } from '@techbridge/shared';
import { getListing } from '../../api/listings';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';

/** One listing with the viewer's policies; waits for the session so owners never get a 404 for their drafts. */
export function useListing(type: ListingType, id: string) {
  const { status, user } = useAuth();
  return useQuery({
    queryKey: queryKeys.listing(type, id, user?.id ?? null),
    queryFn: ({ signal }) => getListing(type, id, signal),
    enabled: status !== 'loading' && id.length > 0,
  });
}
