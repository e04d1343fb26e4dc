import type { AppContext } from '../../context';
import type { AuthUser } from '../accounts/passport';
import { listingModel } from '../listings/service';
import { notifyUsers } from '../notifications/service';
import type { Deal, Message } from './model';
import { participantOrgIds } from './policy';
import { presentDeal, presentMessage } from './service';

/** The active members of a deal's participating organisations, as principals. */
async function participants(ctx: AppContext, deal: Deal): Promise<AuthUser[]> {
  const users = await ctx.db.models.User.find({
    organizationId: { $in: participantOrgIds(deal) },
    status: 'active',
  }).lean();
  return users.map((u) => ({
    id: String(u._id),
    email: u.email,
    name: u.name,
    role: u.role as AuthUser['role'],
    organizationId: String(u.organizationId),
    orgRole: (u.orgRole ?? null) as AuthUser['orgRole'],
  }));
}

/** Pushes the deal to every participant, each seeing it as they are allowed to (unread, NDA state, confidential). */
async function pushDeal(ctx: AppContext, deal: Deal, members: AuthUser[]): Promise<void> {
  await Promise.all(
    members.map(async (m) => ctx.realtime.toUser(m.id, 'deal:updated', { deal: await presentDeal(ctx, deal, m) })),
  );
}

async function listingTitle(ctx: AppContext, deal: Deal): Promise<string> {
  const model = listingModel(ctx.db.models, deal.listingType as 'offer' | 'demand');
  return (await model.findById(deal.listingId, { title: 1 }).lean())?.title ?? '';
}

/** Messages of one deal are delivered in sequence order, even when their events are processed concurrently. */
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

export function registerDealHandlers(ctx: AppContext): void {
  const { models } = ctx.db;

  ctx.events.on('deal.opened', async (event) => {
    const deal = await models.Deal.findById(event.data.dealId).lean<Deal>();
    if (!deal) return;
    const members = await participants(ctx, deal);
    await pushDeal(ctx, deal, members);
    const title = await listingTitle(ctx, deal);
    const initiator = await models.Organization.findById(deal.initiatorOrgId, { name: 1 }).lean();
    const owners = members.filter((m) => m.organizationId === String(deal.ownerOrgId)).map((m) => m.id);
    await notifyUsers(ctx, owners, 'deal.opened', { dealId: String(deal._id), title, from: initiator?.name });
  });

  ctx.events.on('deal.updated', async (event) => {
    const deal = await models.Deal.findById(event.data.dealId).lean<Deal>();
    if (!deal) return;
    const members = await participants(ctx, deal);
    await pushDeal(ctx, deal, members);
    const others = members.filter((m) => m.id !== event.data.byUserId).map((m) => m.id);
    const title = await listingTitle(ctx, deal);
    const reason = String(event.data.reason ?? '');
    await notifyUsers(ctx, others, reason.startsWith('nda') ? 'deal.nda' : 'deal.stage', {
      dealId: String(deal._id),
      title,
      stage: deal.stage,
      reason,
    });
  });

  /** A stored message reaches every connected participant, and offline ones get a notification. */
  ctx.events.on('message.created', async (event) => {
    const dealId = String(event.data.dealId);
    await inOrder(dealId, async () => {
      const [deal, message] = await Promise.all([
        models.Deal.findById(dealId).lean<Deal>(),
        models.Message.findById(event.data.messageId).lean<Message>(),
      ]);
      if (!deal || !message) return;
      const dto = presentMessage(message);
      for (const orgId of participantOrgIds(deal)) ctx.realtime.toOrg(orgId, 'message:new', { message: dto });
      const members = await participants(ctx, deal);
      const offline: string[] = [];
      for (const m of members) {
        if (m.id === String(message.senderId) || (await ctx.realtime.isOnline(m.id))) continue;
        // One unread chat notification per deal is enough.
        const pending = await models.Notification.exists({
          userId: m.id,
          type: 'deal.message',
          readAt: null,
          'data.dealId': dealId,
        });
        if (!pending) offline.push(m.id);
      }
      const title = await listingTitle(ctx, deal);
      await notifyUsers(ctx, offline, 'deal.message', {
        dealId,
        title,
        from: message.senderName,
        preview: message.body.slice(0, 140),
      });
    });
  });
}
