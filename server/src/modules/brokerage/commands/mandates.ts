import type { mandateRequestSchema } from '@techbridge/shared';
import type { z } from 'zod';
import type { AppContext } from '../../../context';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import { organizationStore } from '../../organizations/store';
import type { Mandate } from '../model';
import { mandateSide } from '../presenter';
import { brokerageStore } from '../store';

/**
 * An intermediary asks a client organisation for a mandate, with its
 * commission terms. Asking again while it is pending or active records new
 * terms; after a decline or an end it asks anew.
 */
export async function requestMandate(
  ctx: AppContext,
  user: AuthUser,
  input: z.infer<typeof mandateRequestSchema>,
): Promise<{ mandate: Mandate; created: boolean }> {
  const orgs = organizationStore(ctx.db);
  const broker = user.organizationId ? await orgs.findById(user.organizationId) : null;
  if (broker?.type !== 'intermediary') throw forbidden('Only intermediary organisations ask for mandates');
  const client = await orgs.findById(input.clientOrgId);
  if (client?.status !== 'active') throw notFound('Organisation not found');
  if (String(client._id) === String(broker._id))
    throw badRequest('Ask another organisation', { clientOrgId: 'invalid_type' });
  const store = brokerageStore(ctx.db);
  const id = store.idOf(broker._id, client._id);
  const { mandate, events, created } = await store.withMandate(id, async () => {
    const current = await store.findById(id);
    const asking = !current || current.status === 'declined' || current.status === 'ended';
    const now = new Date();
    const commission = {
      percent: input.commission?.percent ?? null,
      fixedVnd: input.commission?.fixedVnd ?? null,
      note: input.commission?.note ?? null,
    };
    const set: Record<string, unknown> = {
      brokerOrgId: broker._id,
      clientOrgId: client._id,
      ...(input.commission ? { commission } : {}),
      ...(input.message !== undefined ? { message: input.message } : {}),
      ...(asking
        ? { status: 'requested', requestedBy: user.id, requestedAt: now, acceptedAt: null, endedAt: null }
        : {}),
    };
    const events = asking
      ? [ctx.events.create('mandate.changed', { mandateId: String(id), change: 'requested', byUserId: user.id })]
      : [];
    return { mandate: await store.save(id, set, events), events, created: asking };
  });
  await ctx.events.relay(store.mandates, String(id), events);
  return { mandate, created };
}

const allowed = {
  accept: { side: 'client', from: ['requested'], to: 'active' },
  decline: { side: 'client', from: ['requested'], to: 'declined' },
  end: { side: 'either', from: ['active', 'requested'], to: 'ended' },
} as const;

/** The client accepts or declines a mandate; either side ends it (the broker may also withdraw its request). */
export async function decideMandate(
  ctx: AppContext,
  user: AuthUser,
  id: string,
  action: keyof typeof allowed,
): Promise<Mandate> {
  const store = brokerageStore(ctx.db);
  const rule = allowed[action];
  const { mandate, events } = await store.withMandate(id, async () => {
    const current = await store.findById(id);
    const side = current ? mandateSide(user, current) : null;
    if (!current || !side) throw notFound('Mandate not found');
    if (rule.side === 'client' && side !== 'client') throw forbidden('Only the client organisation answers');
    if (action === 'end' && side === 'client' && current.status === 'requested')
      throw conflict('Decline the request instead');
    if (current.status === rule.to) return { mandate: current, events: [] };
    if (!(rule.from as readonly string[]).includes(current.status)) throw conflict(`This mandate is ${current.status}`);
    const now = new Date();
    const set = { status: rule.to, ...(rule.to === 'active' ? { acceptedAt: now } : { endedAt: now }) };
    const change = { accept: 'accepted', decline: 'declined', end: 'ended' } as const;
    const events = [ctx.events.create('mandate.changed', { mandateId: id, change: change[action], byUserId: user.id })];
    return { mandate: await store.save(id, set, events), events };
  });
  await ctx.events.relay(store.mandates, id, events);
  return mandate;
}

/** The mandate the viewer holds or gave, else 404 (administrators read any). */
export async function loadMandate(ctx: AppContext, id: string, viewer: AuthUser): Promise<Mandate> {
  const mandate = await brokerageStore(ctx.db).findById(id);
  if (!mandate || (!mandateSide(viewer, mandate) && viewer.role !== 'admin')) throw notFound('Mandate not found');
  return mandate;
}
