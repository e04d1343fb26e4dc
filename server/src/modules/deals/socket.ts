import { dealRefSchema, messageSendSchema, readReceiptSchema, typingSchema } from '@techbridge/shared';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { tooManyRequests } from '../../platform/errors';
import { toAppError } from '../../platform/http/middleware/errorHandler';
import { validate } from '../../platform/http/middleware/validate';
import type { AuthUser } from '../../platform/principal';
import { dealRoom, type TypedSocket } from '../../platform/realtime/io';
import { markRead, sendMessage } from './commands/sendMessage';
import { presentMessage } from './presenter';
import { loadParticipantDeal } from './view';

/** Typing signals a user may relay per deal: one per second, and a stop only after a start. */
const TYPING_INTERVAL_MS = 1000;
const typingState = new WeakMap<AppContext, Map<string, { at: number; typing: boolean }>>();

/** Whether this typing signal goes out (per user and deal, on this instance), recording it if so. */
export function typingAllowed(ctx: AppContext, userId: string, dealId: string, typing: boolean, now = Date.now()) {
  const seen = typingState.get(ctx) ?? new Map<string, { at: number; typing: boolean }>();
  typingState.set(ctx, seen);
  const key = `${userId}:${dealId}`;
  const last = seen.get(key);
  const pass = typing ? !last?.typing || now - last.at >= TYPING_INTERVAL_MS : !!last?.typing;
  if (!pass) return false;
  if (seen.size > 50_000) seen.clear();
  seen.set(key, { at: now, typing });
  return true;
}

type AckFn = (
  response:
    | { ok: true; [k: string]: unknown }
    | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } },
) => void;

/**
 * Deal chat over Socket.IO. Every inbound payload is validated with the
 * shared schemas and every action re-checks participation on the server.
 * Typing and read receipts are ephemeral signals to the deal room; stored
 * messages go out through the events module.
 */
export function registerDealSocket(ctx: AppContext, socket: TypedSocket): void {
  const user = (): AuthUser => ({
    id: socket.data.userId,
    email: socket.data.email,
    name: socket.data.name,
    role: socket.data.role,
    organizationId: socket.data.organizationId,
    orgRole: socket.data.orgRole,
  });

  /** Runs a handler; anything thrown becomes {ok:false, error} in the ack, never a crash. */
  const handle =
    <S extends z.ZodType>(schema: S, run: (payload: z.output<S>) => Promise<Record<string, unknown>>) =>
    async (payload: unknown, ack?: AckFn) => {
      const reply: AckFn = typeof ack === 'function' ? ack : () => undefined;
      try {
        reply({ ok: true, ...(await ctx.lifecycle.track(run(validate(schema, payload)))) });
      } catch (err) {
        const known = toAppError(err);
        if (!known) ctx.log.error({ err, userId: socket.data.userId }, 'socket handler failed');
        reply({
          ok: false,
          error: known
            ? { code: known.code, message: known.message, ...(known.fields ? { fields: known.fields } : {}) }
            : { code: 'internal', message: 'Internal error' },
        });
      }
    };

  const joined = (dealId: string) => socket.rooms.has(dealRoom(dealId));

  socket.on(
    'deal:join',
    handle(dealRefSchema, async ({ dealId }) => {
      const deal = await loadParticipantDeal(ctx, dealId, user());
      await socket.join(dealRoom(dealId));
      return { lastSeq: deal.lastSeq };
    }) as never,
  );

  socket.on('deal:leave', (payload: unknown) => {
    const parsed = dealRefSchema.safeParse(payload);
    if (parsed.success) void socket.leave(dealRoom(parsed.data.dealId));
  });

  socket.on(
    'message:send',
    handle(messageSendSchema, async ({ dealId, body, clientId }) => {
      const hit = await ctx.rateLimits.consume('message', socket.data.userId);
      if (!hit.allowed) throw tooManyRequests(`Too many messages, try again in ${hit.retryAfter} s`);
      const deal = await loadParticipantDeal(ctx, dealId, user());
      const { message } = await sendMessage(ctx, user(), deal, body, clientId);
      return { message: presentMessage(message) };
    }) as never,
  );

  socket.on('typing', (payload: unknown) => {
    const parsed = typingSchema.safeParse(payload);
    if (!parsed.success || !joined(parsed.data.dealId)) return;
    if (!typingAllowed(ctx, socket.data.userId, parsed.data.dealId, parsed.data.typing)) return;
    socket.to(dealRoom(parsed.data.dealId)).emit('typing', {
      dealId: parsed.data.dealId,
      userId: socket.data.userId,
      name: socket.data.name,
      typing: parsed.data.typing,
    });
  });

  socket.on('message:read', (payload: unknown) => {
    const parsed = readReceiptSchema.safeParse(payload);
    if (!parsed.success || !joined(parsed.data.dealId)) return;
    void (async () => {
      try {
        const deal = await loadParticipantDeal(ctx, parsed.data.dealId, user());
        const seq = await markRead(ctx, user(), deal, parsed.data.seq);
        socket.to(dealRoom(parsed.data.dealId)).emit('message:read', {
          dealId: parsed.data.dealId,
          userId: socket.data.userId,
          name: socket.data.name,
          seq,
        });
      } catch (err) {
        ctx.log.warn({ err: (err as Error).message }, 'read receipt dropped');
      }
    })();
  });
}
