import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DealDto } from '@techbridge/shared';
import { queryKeys } from '../../../api/queryKeys';

/** A mutation answering with the updated deal: stores it and refreshes lists and the audit trail. */
export function useDealUpdate<V>(dealId: string, run: (variables: V) => Promise<{ data: DealDto }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.deal(dealId), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.dealLists });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dealAudit(dealId) });
    },
  });
}
