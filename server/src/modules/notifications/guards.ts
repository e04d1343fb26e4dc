import type { AppContext } from '../../context';
import { dealStore } from '../deals/store';

/** The guard of a chat message's mail: the recipient has not read up to that message. */
export const DEAL_MESSAGE_UNREAD = 'deal-message-unread';

/** Checks run by the mail queue just before a mail goes out (see platform/mail/queue.ts). */
export function notificationMailGuards(ctx: AppContext): Record<string, (arg: unknown) => Promise<boolean>> {
  return {
    async [DEAL_MESSAGE_UNREAD](arg) {
      const { dealId, userId, seq } = arg as { dealId: string; userId: string; seq: number };
      const store = dealStore(ctx.db);
      const reads = await store.readSeqs([{ dealId, userId }]);
      return (reads.get(store.readKey(dealId, userId)) ?? 0) < seq;
    },
  };
}
