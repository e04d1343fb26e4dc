import type { AppContext } from '../../context';
import type { Processor } from '../../platform/events/types';
import type { AuthUser } from '../../platform/principal';
import { accountStore } from '../accounts/store';
import { audit } from '../audit/record';
import type { DomainEvents } from '../domainEvents';
import { dealStore } from './store';

async function actorOf(ctx: AppContext, userId: string): Promise<AuthUser | null> {
  const user = await accountStore(ctx.db).findUser(userId);
  if (!user) return null;
  return {
    id: String(user._id),
    email: user.email,
    name: user.name,
    role: user.role as AuthUser['role'],
    organizationId: user.organizationId ? String(user.organizationId) : null,
    orgRole: (user.orgRole ?? null) as AuthUser['orgRole'],
  };
}

/**
 * The deal journal: every change of a deal (its opening, stages, proposals
 * and their answers, invitations, NDA steps, outcomes) as an entry of the
 * append-only audit log, written from the change's event under the event's
 * id, so an event delivered twice is recorded once and a change is never
 * recorded without having been applied.
 */
export function journalProcessor(ctx: AppContext): Processor<DomainEvents> {
  return {
    name: 'deal journal',
    handles: {
      async 'deal.opened'(event) {
        const deal = await dealStore(ctx.db).findById(event.data.dealId);
        if (!deal) return;
        await audit(ctx.db, {
          id: event.id,
          action: deal.introduction ? 'deal.introduced' : 'deal.opened',
          actor: await actorOf(ctx, event.data.byUserId),
          targetType: 'deal',
          targetId: deal._id,
          dealId: deal._id,
          ip: event.data.ip ?? null,
          details: { stage: 'interest' },
        });
      },
      async 'deal.updated'(event) {
        const { journal } = event.data;
        if (!journal) return;
        const deal = await dealStore(ctx.db).findById(event.data.dealId);
        if (!deal) return;
        const nda = journal.action.startsWith('nda.');
        await audit(ctx.db, {
          id: event.id,
          action: journal.action,
          actor: await actorOf(ctx, event.data.byUserId),
          targetType: nda ? 'offer' : 'deal',
          targetId: nda && deal.offerId ? deal.offerId : deal._id,
          dealId: deal._id,
          ip: event.data.ip ?? null,
          version: journal.version ?? null,
          details: journal.details ?? {},
        });
      },
    },
  };
}
