/**
 * The typed Socket.IO contract, used as generics on both the server and the
 * client so that every emit and handler is type-checked. Payload shapes grow
 * with the features that produce them; names are fixed by API-CONTRACT.md.
 */
import type { MatchDto, NotificationDto } from './schemas/matching';

export type Ack<T> = (response: ({ ok: true } & T) | { ok: false; error: { code: string; message: string } }) => void;

export interface ServerToClientEvents {
  'match:new': (payload: { match: MatchDto }) => void;
  'notification:new': (payload: { notification: NotificationDto; unread: number }) => void;
  'message:new': (payload: { message: unknown }) => void;
  'deal:updated': (payload: { deal: unknown }) => void;
}

export interface ClientToServerEvents {
  'message:send': (payload: { dealId: string; body: string; clientId: string }, ack: Ack<{ message: unknown }>) => void;
  'deal:join': (payload: { dealId: string }, ack: Ack<Record<string, never>>) => void;
}

export interface SocketData {
  userId: string;
  organizationId: string | null;
  role: 'user' | 'admin';
}
