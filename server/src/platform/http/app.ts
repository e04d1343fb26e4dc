import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { AppContext } from '../../context';
import { meRouter } from '../../modules/accounts/me.routes';
import { authRouter } from '../../modules/accounts/routes';
import { operationsRouter } from '../../modules/admin/operations.routes';
import { adminRouter } from '../../modules/admin/routes';
import { dealsRouter } from '../../modules/deals/routes';
import { importsRouter } from '../../modules/imports/routes';
import { listingRoutes } from '../../modules/listings/routes';
import { matchesRouter } from '../../modules/matching/routes';
import { notificationsRouter } from '../../modules/notifications/routes';
import { organizationsRouter } from '../../modules/organizations/routes';
import { searchRouter } from '../../modules/search/routes';
import { statsRouter } from '../../modules/stats/routes';
import { subscriptionsRouter } from '../../modules/subscriptions/routes';
import { taxonomiesRouter } from '../../modules/taxonomies/routes';
import { notFound } from '../errors';
import { createIo, type TypedServer } from '../realtime/io';
import { docsRouter } from './docs';
import { healthRouter } from './health';
import { requireAdmin, requireAuth } from './middleware/auth';
import { errorHandler } from './middleware/errorHandler';
import { rejectOperators } from './middleware/rejectOperators';
import { securityHeaders } from './middleware/securityHeaders';
import { serviceGate } from './middleware/serviceGate';

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

export function createApp(ctx: AppContext): App {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.trustProxy);
  app.set('query parser', 'simple');
  // JSON bodies escape <, > and & so user text can never be read as markup.
  app.set('json escape', true);

  // Accepted requests are counted so that a graceful stop can wait for them.
  app.use((_req, res, next) => {
    // While draining, keep-alive connections are not reused.
    if (ctx.lifecycle.draining) res.setHeader('connection', 'close');
    res.once('close', ctx.lifecycle.begin());
    next();
  });
  app.use(
    pinoHttp({
      logger: ctx.log,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => !!req.url?.startsWith('/api/health') },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    }),
  );
  app.use(securityHeaders(ctx.config.production));
  if (ctx.config.corsOrigins.length) {
    app.use('/api', cors({ origin: ctx.config.corsOrigins, credentials: true }));
  }
  app.use('/api', serviceGate(ctx.services));
  app.use(express.json({ limit: ctx.config.bodyLimit }));
  app.use(cookieParser());
  app.use('/api', rejectOperators);

  const api = express.Router();
  api.use(healthRouter(ctx));
  api.use(taxonomiesRouter());
  api.use(authRouter(ctx));
  api.use(meRouter(ctx));
  api.use(listingRoutes(ctx, 'offer'));
  api.use(listingRoutes(ctx, 'demand'));
  api.use(searchRouter(ctx));
  api.use(organizationsRouter(ctx));
  api.use(matchesRouter(ctx));
  api.use(notificationsRouter(ctx));
  api.use(subscriptionsRouter(ctx));
  api.use(dealsRouter(ctx));
  // Every /admin route: authenticated administrators only, checked once here.
  api.use('/admin', requireAuth(ctx.passport), requireAdmin);
  api.use(adminRouter(ctx));
  api.use(operationsRouter(ctx));
  api.use(statsRouter(ctx));
  api.use(importsRouter(ctx));
  api.use(docsRouter(ctx.config.production));
  api.use(() => {
    throw notFound('No such API route');
  });
  app.use('/api', api);

  // The built React app, with client-side routes falling back to index.html.
  if (fs.existsSync(path.join(clientDist, 'index.html'))) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
    app.get(/^(?!\/api\/|\/socket\.io\/).*/, (_req, res) => {
      res.sendFile(path.join(clientDist, 'index.html'));
    });
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
  const io = createIo(server, ctx);
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
