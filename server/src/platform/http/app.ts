import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { type Express } from 'express';
import type { Config } from '../config';
import { notFound } from '../errors';
import type { Lifecycle } from '../lifecycle';
import type { Logger } from '../logger';
import type { Realtime } from '../realtime/emitter';
import { createIo, type IoContext, type SocketHandlers, type TypedServer } from '../realtime/io';
import type { ServiceHealth } from '../services/supervisor';
import { clientApp } from './client';
import { docsAssets } from './docs';
import { errorHandler } from './middleware/errorHandler';
import { rejectOperators } from './middleware/rejectOperators';
import { requestLog } from './middleware/requestLog';
import { securityHeaders } from './middleware/securityHeaders';
import { serviceGate } from './middleware/serviceGate';
import { type MountContext, mountRoutes } from './mount';
import type { PageRenderer } from './pages';
import type { AnyRoute } from './route';

export const clientDist = path.resolve(__dirname, '../../../../client/dist');

export interface App {
  app: Express;
  server: http.Server;
  io: TypedServer;
  /**
   * Graceful stop: readiness turns 503, no new connections are accepted,
   * requests and socket handlers in flight finish (for at most the shutdown
   * grace period), then sockets are closed so that clients reconnect to
   * another instance. Services are the caller's.
   */
  close(): Promise<void>;
}

/** What the HTTP app needs of an app context. */
export interface HttpContext extends MountContext, IoContext {
  config: Config;
  log: Logger;
  lifecycle: Lifecycle;
  realtime: Realtime;
  services?: ServiceHealth;
}

/**
 * The HTTP server: the API (every declared route under /api), the built
 * React app, and Socket.IO with the modules' socket handlers.
 */
export function createApp<C extends HttpContext>(
  ctx: C,
  routes: AnyRoute<C>[],
  sockets: SocketHandlers<C>[] = [],
  pages?: PageRenderer,
): App {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.trustProxy);
  app.set('query parser', 'simple');
  // JSON bodies escape <, > and & so user text can never be read as markup.
  app.set('json escape', true);
  // No ETag on answers: hashing each body (a search page is ~30 KB) costs more than a revalidation saves, since the
  // answer is computed either way. Built files carry their own caching (see client.ts).
  app.set('etag', false);

  // Accepted requests are counted so that a graceful stop can wait for them.
  app.use((_req, res, next) => {
    // While draining, keep-alive connections are not reused.
    if (ctx.lifecycle.draining) res.setHeader('connection', 'close');
    res.once('close', ctx.lifecycle.begin());
    next();
  });
  app.use(requestLog(ctx.log));
  app.use(securityHeaders(ctx.config.production));
  if (ctx.config.corsOrigins.length) {
    app.use('/api', cors({ origin: ctx.config.corsOrigins, credentials: true }));
  }
  app.use('/api', serviceGate(ctx.services));
  app.use(express.json({ limit: ctx.config.bodyLimit }));
  app.use(cookieParser());
  app.use('/api', rejectOperators);

  const api = express.Router();
  api.use(docsAssets());
  api.use(mountRoutes(ctx, routes));
  api.use(() => {
    throw notFound('No such API route');
  });
  app.use('/api', api);

  // The built React app (client-side routes fall back to index.html), its pages' heads and first views.
  const built = fs.existsSync(path.join(clientDist, 'index.html'));
  if (built || pages) {
    const client = clientApp(built ? clientDist : null, ctx.log, pages);
    // Behind a plain function: the API stays the one router under /api (tests/helpers/routes.ts reads it).
    app.use((req, res, next) => client(req, res, next));
  }
  app.use(errorHandler(ctx.log));

  const server = http.createServer(app);
  // Requests Node refuses before Express sees them (headers or URL over 16 KB, malformed HTTP) still get the error shape.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      error: tooLarge
        ? { code: 'headers_too_large', message: 'Request headers or URL are too long' }
        : { code: 'bad_request', message: 'Malformed HTTP request' },
    });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
  const io = createIo(server, ctx, sockets);
  ctx.realtime.attach(io);

  return {
    app,
    server,
    io,
    async close() {
      ctx.lifecycle.draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained = await ctx.lifecycle.idle(ctx.config.shutdownGraceSeconds * 1000);
      if (!drained) ctx.log.warn(`${ctx.lifecycle.inFlight} requests still running at the end of the grace period`);
      // Socket.IO closes each connection (clients see a transport close and reconnect elsewhere).
      await new Promise<void>((resolve) => io.close(() => resolve()));
      server.closeAllConnections();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 2000).unref())]);
    },
  };
}
