import type { ClientToServerEvents, ServerToClientEvents } from '@techbridge/shared';
import { createContext } from 'react';
import type { Socket } from 'socket.io-client';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * idle: signed out (no socket); connecting: first handshake; connected;
 * reconnecting: the connection was lost (or refused) and is being retried.
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';

export type ServerEvent = keyof ServerToClientEvents;
export type ServerPayload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];
export type ServerHandler<E extends ServerEvent> = (payload: ServerPayload<E>) => void;

export interface RealtimeContextValue {
  socket: AppSocket | null;
  status: ConnectionStatus;
  /**
   * Increases on every successful (re)connection; effects that must re-join
   * rooms or catch up on missed data depend on it.
   */
  generation: number;
  /** Listens to a server event for as long as the session lasts (across reconnections); returns the unsubscribe. */
  subscribe<E extends ServerEvent>(event: E, handler: ServerHandler<E>): () => void;
}

export const RealtimeContext = createContext<RealtimeContextValue | null>(null);
