import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MatchDismissInput } from '@techbridge/shared';
import { useNavigate } from 'react-router';
import { openDeal } from '../../api/deals';
import { dismissMatch, markMatchSeen } from '../../api/matches';
import { queryKeys } from '../../api/queryKeys';

export type MatchAction = 'seen' | 'dismiss' | 'contact';

/** One action on one match; "dismiss" carries the reason chosen in the "Không phù hợp" dialog. */
export type MatchActionInput =
  | { id: string; action: 'seen' }
  | { id: string; action: 'contact'; message?: string }
  | { id: string; action: 'dismiss'; feedback: MatchDismissInput };

/**
 * "Đã xem", "Không phù hợp" (with a reason) and "Liên hệ" on a match;
 * contacting (with an introduction) opens (or reopens) the deal and goes there.
 */
export function useMatchActions() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async (input: MatchActionInput) => {
      if (input.action === 'contact') return { dealId: (await openDeal({ matchId: input.id }, input.message)).id };
      if (input.action === 'dismiss') await dismissMatch(input.id, input.feedback);
      else await markMatchSeen(input.id);
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
