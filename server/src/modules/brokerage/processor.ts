import type { AppContext } from '../../context';
import type { Processor } from '../../platform/events/types';
import type { DomainEvents } from '../domainEvents';
import { membersOf, notifyUsers } from '../notifications/notify';
import { organizationStore } from '../organizations/store';
import { brokerageStore } from './store';

const types = { requested: 'mandate.requested', accepted: 'mandate.accepted', ended: 'mandate.ended' } as const;

/** The other side of a mandate hears of its request, acceptance or end (a decline is told to the broker as an end). */
export function brokerageProcessor(ctx: AppContext): Processor<DomainEvents> {
  return {
    name: 'brokerage',
    handles: {
      async 'mandate.changed'(event) {
        const mandate = await brokerageStore(ctx.db).findById(event.data.mandateId);
        if (!mandate) return;
        const change = event.data.change;
        const to = change === 'requested' ? mandate.clientOrgId : change === 'ended' ? null : mandate.brokerOrgId;
        const orgs = organizationStore(ctx.db);
        const [broker, client] = await Promise.all([
          orgs.findById(mandate.brokerOrgId),
          orgs.findById(mandate.clientOrgId),
        ]);
        const members = (await membersOf(ctx, to ? [to] : [mandate.brokerOrgId, mandate.clientOrgId])).filter(
          (m) => m.id !== event.data.byUserId,
        );
        await notifyUsers(
          ctx,
          members.map((m) => m.id),
          types[change === 'declined' ? 'ended' : change],
          { mandateId: String(mandate._id), broker: broker?.name ?? '', client: client?.name ?? '', change },
          (userId) => `${event.id}:${userId}`,
        );
      },
    },
  };
}
