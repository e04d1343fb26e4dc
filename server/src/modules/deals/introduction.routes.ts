import { route } from '../../context';
import { answerIntroduction } from './commands/introduction';
import { requestMeta } from './requestMeta';
import { loadParticipantDeal, presentDealFor } from './view';

const answer = (accept: boolean) =>
  route({
    method: 'post',
    path: `/deals/:id/introduction/${accept ? 'accept' : 'decline'}`,
    tag: 'Deals',
    summary: accept
      ? "Accept the broker's introduction (the deal goes on once both parties accepted)"
      : "Decline the broker's introduction (the deal closes)",
    access: 'user',
    responses: { 200: 'The deal' },
    errors: [403, 409],
    async handler({ ctx, user, params, req }) {
      const deal = await loadParticipantDeal(ctx, params.id, user);
      return {
        data: await presentDealFor(ctx, await answerIntroduction(ctx, user, deal, accept, requestMeta(req)), user),
      };
    },
  });

export const introductionRoutes = [answer(true), answer(false)];
