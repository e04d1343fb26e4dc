import { isClosedStage } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { notFound } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import type { DealUpdateReason, DomainEvents } from '../../domainEvents';
import type { Deal } from '../model';
import { dealStore } from '../store';

/** What a change writes, and what the deal's journal records of it. */
export interface DealWrite {
  update: Record<string, unknown>;
  reason: DealUpdateReason;
  journal?: DomainEvents['deal.updated']['journal'];
}

/** Where a request came from and how it names itself (`Idempotency-Key`): both optional. */
export interface RequestMeta {
  ip?: string | null;
  requestKey?: string | null;
}

/** How many applied request keys a deal remembers (a retry comes within seconds, not 20 changes later). */
const KEPT_KEYS = 20;

/**
 * The one way a deal's state is written. Under the deal's lease (one writer
 * at a time across all instances): reads the deal, lets `change` check the
 * state read and say what to write (or refuse by throwing, or return null
 * for nothing to do), writes it by `_id` carrying a `deal.updated` event, and
 * delivers the event once the lease is released. A request key already
 * applied to this deal (a retry) writes nothing and answers the deal as it is.
 */
export async function updateDeal(
  ctx: AppContext,
  user: AuthUser,
  dealId: unknown,
  change: (current: Deal) => DealWrite | null | Promise<DealWrite | null>,
  meta: RequestMeta = {},
): Promise<Deal> {
  const store = dealStore(ctx.db);
  const key = meta.requestKey ? `${user.id}:${meta.requestKey}` : null;
  const { deal, events, closed } = await store.withDeal(dealId, async () => {
    const current = await store.findById(dealId);
    if (!current) throw notFound('Deal not found');
    if (key && (current.requestKeys ?? []).includes(key)) return { deal: current, events: [], closed: false };
    const write = await change(current);
    if (!write) return { deal: current, events: [], closed: false };
    const set = (write.update.$set ?? {}) as Record<string, unknown>;
    const stage = typeof set.stage === 'string' ? set.stage : undefined;
    const events = [
      ctx.events.create('deal.updated', {
        dealId: String(dealId),
        reason: write.reason,
        byUserId: user.id,
        ...(stage ? { stage } : {}),
        ip: meta.ip ?? null,
        ...(write.journal ? { journal: write.journal } : {}),
      }),
    ];
    const update = key
      ? { ...write.update, $set: { ...set, requestKeys: [...(current.requestKeys ?? []), key].slice(-KEPT_KEYS) } }
      : write.update;
    const updated = await store.update(dealId, update, events);
    if (!updated) throw notFound('Deal not found');
    return { deal: updated, events, closed: !isClosedStage(current.stage) && isClosedStage(updated.stage) };
  });
  if (closed) await store.releaseOpenKey(openKeyOf(deal));
  await ctx.events.relay(store.deals, String(deal._id), events);
  return deal;
}

/** The key a deal was opened under ("<type>:<listing>:<initiator organisation>"). */
export const openKeyOf = (deal: Pick<Deal, 'listingType' | 'listingId' | 'initiatorOrgId'>) =>
  `${deal.listingType}:${deal.listingId}:${deal.initiatorOrgId}`;
