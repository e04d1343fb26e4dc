import { closedStages, type DealStage, type StageChange } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { conflict, notFound } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import type { DealUpdateReason } from '../../domainEvents';
import type { Deal } from '../model';
import { dealStore } from '../store';

/**
 * Changes a deal under its lock: reads it, lets `change` check the state
 * read and say what to write (or refuse by throwing), writes it by `_id`
 * carrying a `deal.updated` event, then delivers the event. Every write to
 * a deal's state goes through here.
 */
export async function updateDeal(
  ctx: AppContext,
  user: AuthUser,
  dealId: unknown,
  reason: DealUpdateReason,
  change: (current: Deal) => Record<string, unknown>,
): Promise<Deal> {
  const store = dealStore(ctx.db);
  const { updated, events } = await store.withDeal(dealId, async () => {
    const current = await store.findById(dealId);
    if (!current) throw notFound('Deal not found');
    const update = change(current);
    const events = [
      ctx.events.create('deal.updated', {
        dealId: String(dealId),
        reason,
        byUserId: user.id,
        ...((update.$set as { stage?: string } | undefined)?.stage
          ? { stage: (update.$set as { stage: string }).stage }
          : {}),
      }),
    ];
    return { updated: (await store.update(dealId, update, events))!, events };
  });
  if (closedStages.includes(updated.stage as DealStage)) await store.releaseOpenKey(openKeyOf(updated));
  await ctx.events.relay(store.deals, String(updated._id), events);
  return updated;
}

/** The key a deal was opened under ("<type>:<listing>:<initiator organisation>"). */
const openKeyOf = (deal: Deal) => `${deal.listingType}:${deal.listingId}:${deal.initiatorOrgId}`;

/** The write that moves a deal to a stage, with the history entry (and the outcome and closing, if any). */
export function stageUpdate(user: AuthUser, deal: Deal, change: StageChange) {
  const now = new Date();
  const closing = closedStages.includes(change.stage);
  return {
    $set: {
      stage: change.stage,
      ...(change.outcome ? { outcome: { ...change.outcome, date: new Date(change.outcome.date) } } : {}),
      ...(closing ? { closedAt: now, openKey: `closed:${deal._id}` } : {}),
    },
    $push: {
      history: {
        stage: change.stage,
        at: now,
        byUserId: user.id,
        byName: user.name,
        ...(change.note ? { note: change.note } : {}),
      },
    },
  };
}

/** Moves a deal to a stage; `won` needs the outcome (checked by the schema); closed deals stay closed. */
export function changeStage(ctx: AppContext, user: AuthUser, deal: Deal, change: StageChange): Promise<Deal> {
  return updateDeal(ctx, user, deal._id, 'stage', (current) => {
    if (closedStages.includes(current.stage as DealStage)) throw conflict('This deal is closed');
    if (current.stage !== deal.stage) throw conflict('The deal changed meanwhile; reload and try again');
    return stageUpdate(user, current, change);
  });
}
