import type { ClientToServerEvents, ServerToClientEvents } from '@techbridge/shared';
import { io, type Socket } from 'socket.io-client';
import type { TestApp } from './app';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A connected socket.io-client for a member, recording every event it receives. */
export async function connectAs(
  t: TestApp,
  accessToken: string,
): Promise<ClientSocket & { received: { event: string; payload: unknown; at: number }[] }> {
  const socket = io(t.url, {
    auth: { token: accessToken },
    transports: ['websocket'],
    reconnection: false,
  }) as ClientSocket & {
    received: { event: string; payload: unknown; at: number }[];
  };
  socket.received = [];
  socket.onAny((event, payload) => socket.received.push({ event, payload, at: Date.now() }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Resolves with the first payload of `event` that satisfies `where`, or rejects after timeoutMs. */
export function nextEvent<T = unknown>(
  socket: ClientSocket & { received: { event: string; payload: unknown }[] },
  event: string,
  timeoutMs: number,
  where: (payload: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const already = socket.received.find((r) => r.event === event && where(r.payload as T));
    if (already) return resolve(already.payload as T);
    const timer = setTimeout(() => {
      socket.offAny(listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (name: string, payload: unknown) => {
      if (name === event && where(payload as T)) {
        clearTimeout(timer);
        socket.offAny(listener);
        resolve(payload as T);
      }
    };
    socket.onAny(listener);
  });
}
