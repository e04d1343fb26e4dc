/**
 * The typed Socket.IO contract, used as generics on both the server and the
 * client so that every emit and handler is type-checked. Payload shapes grow
 * with the features that produce them; names are fixed by API-CONTRACT.md.
 */
import type { DealDto, MessageDto } from './schemas/deals';
import type { MeetingStatus } from './schemas/events';
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
  /**
   * The server is about to close this connection: its access token expired
   * (the client reconnects with a fresh one), or the session was logged out
   * or revoked (the client stops).
   */
  'session:ended': (payload: { reason: 'expired' | 'logout' | 'revoked' }) => void;
  /** A meeting of a brokerage event changed (requested, answered, cancelled, attended): refetch it. */
  'event:meeting': (payload: { eventId: string; meetingId: string; status: MeetingStatus }) => void;
  /** The event's schedule changed; `meetingIds` are the recipient's meetings whose slot changed. */
  'event:schedule': (payload: { eventId: string; version: number; meetingIds: string[] }) => void;
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
  /** The session (refresh family) of the handshake's token, and when that token expires (ms). */
  sessionId: string | null;
  expiresAt: number | null;
  userId: string;
  name: string;
  email: string;
  organizationId: string | null;
  orgRole: 'owner' | 'admin' | 'member' | null;
  role: 'user' | 'admin';
}
