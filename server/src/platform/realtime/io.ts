import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '@techbridge/shared';
import jwt from 'jsonwebtoken';
import type { Passport } from 'passport';
import { Server, type Socket } from 'socket.io';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { AuthUser } from '../principal';
import { adapterPublisher, type RedisClients } from '../redis';

export type TypedServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type TypedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const userRoom = (id: string) => `user:${id}`;
export const orgRoom = (id: string) => `org:${id}`;
export const dealRoom = (id: string) => `deal:${id}`;
export const sessionRoom = (id: string) => `session:${id}`;

/**
 * Socket.IO with the same JWT check as HTTP: the handshake's `auth.token` goes
 * through passport-jwt. Anything else is refused with a connect_error.
 */
export interface IoContext {
  config: Config;
  log: Logger;
  passport: InstanceType<typeof Passport>;
  redis?: RedisClients;
}

/** A module's handlers of a connected socket's events. */
export type SocketHandlers<C> = (ctx: C, socket: TypedSocket) => void;

export function createIo<C extends IoContext>(
  httpServer: HttpServer,
  ctx: C,
  handlers: SocketHandlers<C>[],
): TypedServer {
  const io: TypedServer = new Server(httpServer, {
    cors: ctx.config.corsOrigins.length ? { origin: ctx.config.corsOrigins, credentials: true } : undefined,
    maxHttpBufferSize: 64 * 1024,
  });
  // Several instances: rooms and emits span all of them through Redis pub/sub.
  if (ctx.redis)
    io.adapter(
      createAdapter(adapterPublisher(ctx.redis.pub, ctx.log), ctx.redis.sub, { key: `tb:${ctx.config.mongodbDb}:io` }),
    );

  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth?.token;
    if (typeof token !== 'string' || !token) {
      next(new Error('unauthorized'));
      return;
    }
    const req = { headers: { authorization: `Bearer ${token}` } };
    ctx.passport.authenticate('jwt', { session: false }, (err: unknown, user: AuthUser | false) => {
      if (err) {
        ctx.log.error({ err }, 'socket authentication failed');
        next(new Error('unavailable'));
        return;
      }
      if (!user) {
        next(new Error('unauthorized'));
        return;
      }
      // The signature was checked above; the claims say when the token dies and which session it belongs to.
      const claims = jwt.decode(token) as { exp?: number; sid?: string } | null;
      socket.data = {
        sessionId: claims?.sid ?? null,
        expiresAt: claims?.exp ? claims.exp * 1000 : null,
        userId: user.id,
        name: user.name,
        email: user.email,
        organizationId: user.organizationId,
        orgRole: user.orgRole,
        role: user.role,
      };
      next();
    })(req, {}, next);
  });

  io.on('connection', (socket: TypedSocket) => {
    void socket.join(userRoom(socket.data.userId));
    if (socket.data.sessionId) void socket.join(sessionRoom(socket.data.sessionId));
    // A connection lives as long as its access token: then the client reconnects with a fresh one.
    if (socket.data.expiresAt) {
      const timer = setTimeout(
        () => {
          socket.emit('session:ended', { reason: 'expired' });
          socket.disconnect(true);
        },
        Math.min(2 ** 31 - 1, Math.max(0, socket.data.expiresAt - Date.now())),
      );
      timer.unref();
      socket.once('disconnect', () => clearTimeout(timer));
    }
    if (socket.data.organizationId) void socket.join(orgRoom(socket.data.organizationId));
    for (const register of handlers) register(ctx, socket);
  });
  return io;
}
