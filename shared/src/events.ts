/**
 * The typed Socket.IO contract, used as generics on both the server and the
 * client so that every emit and handler is type-checked. Payload shapes grow
 * with the features that produce them; names are fixed by API-CONTRACT.md.
 */
import type { DealDto, MessageDto } from './schemas/deals';
import type { MatchDto, NotificationDto } from './schemas/matching';

export type Ack<T> = (response: ({ ok: true } & T) | { ok: false; error: { code: string; message: string } }) => void;

/** Steps of a bulk import, in order: rows checked, rows written, new listings searchable. */
export type ImportPhase = 'validating' | 'writing' | 'indexing';

export interface ServerToClientEvents {
  'match:new': (payload: { match: MatchDto }) => void;
  'notification:new': (payload: { notification: NotificationDto; unread: number }) => void;
  'message:new': (payload: { message: MessageDto }) => void;
  'deal:updated': (payload: { deal: DealDto }) => void;
  typing: (payload: { dealId: string; userId: string; name: string; typing: boolean }) => void;
  'message:read': (payload: { dealId: string; userId: string; name: string; seq: number }) => void;
  'import:progress': (payload: { importId: string; done: number; total: number; phase: ImportPhase }) => void;
}

export interface ClientToServerEvents {
  'message:send': (
    payload: { dealId: string; body: string; clientId: string },
    ack: Ack<{ message: MessageDto }>,
  ) => void;
  'deal:join': (payload: { dealId: string }, ack: Ack<{ lastSeq: number }>) => void;
  'deal:leave': (payload: { dealId: string }) => void;
  typing: (payload: { dealId: string; typing: boolean }) => void;
  'message:read': (payload: { dealId: string; seq: number }) => void;
}

export interface SocketData {
  userId: string;
  name: string;
  email: string;
  organizationId: string | null;
  orgRole: 'owner' | 'admin' | 'member' | null;
  role: 'user' | 'admin';
}
