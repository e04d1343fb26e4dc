import type { AppContext } from '../../../context';
import { notFound } from '../../../platform/errors';
import type { PendingEvent } from '../../../platform/events/types';
import type { AuthUser } from '../../../platform/principal';
import { organizationStore } from '../../organizations/store';
import type { Deal, Message } from '../model';
import type { StoredFile } from '../presenter';
import { dealStore } from '../store';

/**
 * Stores a message with the deal's next sequence number, carrying its
 * `message.created` event. Idempotent on (sender, client id): a retry
 * returns the stored message instead of a copy. Sends of one deal take the
 * deal's lock; should another instance take the same number, the message's
 * derived `_id` refuses it and the next number is tried.
 */
export async function sendMessage(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  body: string,
  clientId: string,
  attachment?: StoredFile,
): Promise<{ message: Message; created: boolean }> {
  const store = dealStore(ctx.db);
  const stored = await store.withDeal(deal._id, async () => {
    const existing = await store.messageForClient(deal._id, user.id, clientId);
    if (existing) return { message: existing, created: false };
    const org = await organizationStore(ctx.db).findById(user.organizationId);
    for (let attempt = 0; ; attempt++) {
      const seq = await store.nextSeq(deal._id);
      if (seq === null) throw notFound('Deal not found');
      const doc = {
        dealId: deal._id,
        seq,
        senderId: user.id,
        senderName: user.name,
        orgId: user.organizationId,
        orgName: org?.name ?? '',
        body,
        clientId,
        attachment: attachment ?? null,
      };
      const messageId = store.messageIdOf(deal._id, seq);
      const events = [ctx.events.create('message.created', { dealId: String(deal._id), messageId })];
      if (await store.insertMessage(doc, events)) {
        const message = (await store.messageById(messageId))!;
        return { message, created: true };
      }
      // Refused: the number was taken, or this very message was stored by a retry elsewhere.
      const raced = await store.scanMessageForClient(deal._id, user.id, clientId);
      if (raced) return { message: raced, created: false };
      if (attempt >= 5) throw new Error('could not number the message');
    }
  });
  if (stored.created) {
    await store.markRead(deal._id, user.id, stored.message.seq);
    await ctx.events.relay(
      store.messages,
      String(stored.message._id),
      (stored.message.pendingEvents ?? []) as PendingEvent[],
    );
  }
  return stored;
}

/** Moves a member's read position forward; resolves with the position (at most the deal's last message). */
export async function markRead(ctx: AppContext, user: AuthUser, deal: Deal, seq: number): Promise<number> {
  const upTo = Math.min(seq, deal.lastSeq);
  await dealStore(ctx.db).markRead(deal._id, user.id, upTo);
  return upTo;
}
