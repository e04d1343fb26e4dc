import type { AppContext } from '../../context';
import type { Processor } from '../../platform/events/types';
import type { Deal } from '../deals/model';
import { participantOrgIds } from '../deals/policy';
import { presentMessage } from '../deals/presenter';
import { dealStore } from '../deals/store';
import { presentDealFor } from '../deals/view';
import type { DomainEvents } from '../domainEvents';
import { loadAnnouncement } from '../matching/announcement';
import { presentMatch } from '../matching/presenter';
import { participants } from './dealParticipants';

/** Messages of one deal are delivered in the order their events are taken, even when processed concurrently. */
const chains = new Map<string, Promise<void>>();
function inOrder(dealId: string, work: () => Promise<void>): Promise<void> {
  const next = (chains.get(dealId) ?? Promise.resolve()).then(work, work);
  chains.set(dealId, next);
  void next
    .finally(() => {
      if (chains.get(dealId) === next) chains.delete(dealId);
    })
    .catch(() => undefined);
  return next;
}

/** Pushes the deal to every participant, each seeing it as they are allowed to (unread, NDA state, confidential). */
async function pushDeal(ctx: AppContext, deal: Deal): Promise<void> {
  const members = await participants(ctx, deal);
  await Promise.all(
    members.map(async (m) => ctx.realtime.toUser(m.id, 'deal:updated', { deal: await presentDealFor(ctx, deal, m) })),
  );
}

/**
 * Realtime delivery: what each event shows at once to the people connected,
 * re-checked at delivery (Socket.IO rooms of users and organisations). A
 * repeated push is harmless: clients key what they show by id.
 */
export function liveProcessor(ctx: AppContext): Processor<DomainEvents> {
  return {
    name: 'realtime',
    handles: {
      /** Each new match, live to both organisations and no one else. */
      async 'match.created'(event) {
        const { matches } = await loadAnnouncement(ctx, event);
        for (const { match, offer, demand } of matches) {
          for (const orgId of [String(match.offerOrgId), String(match.demandOrgId)])
            ctx.realtime.toOrg(orgId, 'match:new', { match: presentMatch(match, offer, demand, orgId) });
        }
      },
      async 'deal.opened'(event) {
        const deal = await dealStore(ctx.db).findById(event.data.dealId);
        if (deal) await pushDeal(ctx, deal);
      },
      async 'deal.updated'(event) {
        const deal = await dealStore(ctx.db).findById(event.data.dealId);
        if (deal) await pushDeal(ctx, deal);
      },
      /** A stored message reaches every connected participant. */
      async 'message.created'(event) {
        await inOrder(event.data.dealId, async () => {
          const store = dealStore(ctx.db);
          const [deal, message] = await Promise.all([
            store.findById(event.data.dealId),
            store.messageById(event.data.messageId),
          ]);
          if (!deal || !message) return;
          const dto = presentMessage(message);
          for (const orgId of participantOrgIds(deal)) ctx.realtime.toOrg(orgId, 'message:new', { message: dto });
        });
      },
    },
  };
}
