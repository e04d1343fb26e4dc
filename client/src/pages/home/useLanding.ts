import { useQuery } from '@tanstack/react-query';
import { getLanding } from '../../api/landing';
import { queryKeys } from '../../api/queryKeys';

/** The landing page's figures: fresh for a minute, shared by the counters, the newest listings and the sectors. */
export function useLanding() {
  return useQuery({
    queryKey: queryKeys.landing,
    queryFn: ({ signal }) => getLanding(signal).then((r) => r.data),
    staleTime: 60_000,
  });
}
