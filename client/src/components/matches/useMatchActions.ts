import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { openDeal } from '../../api/deals';
import { markMatch } from '../../api/matches';
import { queryKeys } from '../../api/queryKeys';

export type MatchAction = 'seen' | 'dismiss' | 'contact';

/** "Đã xem", "Bỏ qua" and "Liên hệ" on a match; contacting (with an introduction) opens the deal and goes there. */
export function useMatchActions() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async ({ id, action, message }: { id: string; action: MatchAction; message?: string }) => {
      if (action === 'contact') return { dealId: (await openDeal({ matchId: id }, message)).id };
      await markMatch(id, action);
      return { dealId: null };
    },
    onSuccess: ({ dealId }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.matchesAll });
      if (dealId) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.dealLists });
        navigate(`/deals/${dealId}`);
      }
    },
  });
}
