import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { refreshAccessToken } from '../api/http';
import { tokenStore } from '../api/tokenStore';
import { useAuth } from '../auth/useAuth';
import {
  type AppSocket,
  type ConnectionStatus,
  RealtimeContext,
  type RealtimeContextValue,
  type ServerEvent,
  type ServerHandler,
} from './context';

type AnyHandler = (payload: unknown) => void;

/** Waits before retrying a refused handshake: 1 s, 2 s, 4 s … up to 30 s. */
const retryDelay = (attempt: number) => Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));

/**
 * One Socket.IO connection per signed-in session, same origin, authenticated
 * with the access token in the handshake. A handshake refused as
 * "unauthorized" (expired token) refreshes the token through the API layer and
 * connects again; signing out closes the socket.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { status: authStatus, user } = useAuth();
  const userId = authStatus === 'authenticated' ? (user?.id ?? null) : null;
  const [socket, setSocket] = useState<AppSocket | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('idle');
  const [generation, setGeneration] = useState(0);
  const listeners = useRef(new Map<string, Set<AnyHandler>>());

  useEffect(() => {
    if (!userId) return;
    let disposed = false;
    let refused = 0;
    // The server closes a connection when its access token expires (after `session:ended`).
    let renewal: Promise<string | null> | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    let current: AppSocket | null = null;
    // Socket.IO's client loads with the first signed-in view: anonymous visitors never download it.
    void import('socket.io-client').then(({ io }) => {
      if (disposed) return;
      const s: AppSocket = io({
        // A function, so every (re)connection sends the freshest token.
        auth: (cb) => cb({ token: tokenStore.get() ?? '' }),
        transports: ['websocket', 'polling'],
      });

      const retryLater = () => {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => {
          if (!disposed && !s.connected) s.connect();
        }, retryDelay(refused));
      };

      s.onAny((event: string, payload: unknown) => {
        for (const handler of listeners.current.get(event) ?? []) handler(payload);
      });
      s.on('connect', () => {
        refused = 0;
        setStatus('connected');
        setGeneration((g) => g + 1);
      });
      s.on('session:ended', ({ reason }) => {
        // The access token expired: fetch a fresh one now, reconnect as soon as the server has closed.
        if (reason === 'expired') renewal = refreshAccessToken().catch(() => null);
      });
      s.on('disconnect', (reason) => {
        if (disposed) return;
        const renewing = renewal;
        renewal = null;
        if (renewing && reason === 'io server disconnect') {
          // Unnoticed by the user: the status stays "connected" while the socket comes back.
          void renewing.then((token) => {
            if (disposed) return;
            if (token) s.connect();
            else retryLater();
          });
          return;
        }
        setStatus('reconnecting');
        // The server closed the connection on purpose (e.g. a revoked session): Socket.IO will not retry by itself.
        if (reason === 'io server disconnect') retryLater();
      });
      s.on('connect_error', (error) => {
        if (disposed) return;
        setStatus((prev) => (prev === 'connecting' ? 'connecting' : 'reconnecting'));
        // A transport failure: Socket.IO retries on its own.
        if (s.active) return;
        refused += 1;
        if (error.message !== 'unauthorized') {
          retryLater();
          return;
        }
        // The handshake was refused: the access token has expired. Refresh it, then connect again.
        refreshAccessToken().then(
          (token) => {
            if (disposed) return;
            // null: the session is over; the token store is cleared and signing out closes this socket.
            if (!token) return;
            if (refused <= 1) s.connect();
            else retryLater();
          },
          () => {
            if (!disposed) retryLater();
          },
        );
      });

      current = s;
      setSocket(s);
      setStatus('connecting');
    });
    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      current?.offAny();
      current?.removeAllListeners();
      current?.disconnect();
      setSocket(null);
      setStatus('idle');
    };
  }, [userId]);

  const subscribe = useCallback(<E extends ServerEvent>(event: E, handler: ServerHandler<E>) => {
    const map = listeners.current;
    const set = map.get(event) ?? new Set<AnyHandler>();
    map.set(event, set);
    const h = handler as AnyHandler;
    set.add(h);
    return () => {
      set.delete(h);
    };
  }, []);

  const value = useMemo<RealtimeContextValue>(
    () => ({ socket, status, generation, subscribe }),
    [socket, status, generation, subscribe],
  );
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
