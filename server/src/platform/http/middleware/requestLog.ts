import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../logger';

declare module 'http' {
  interface IncomingMessage {
    /** The request's id: the caller's `X-Request-Id` when it is a plain token, else a new UUID (answered back). */
    id: string;
  }
}

const CALLER_ID = /^[\w-]{1,64}$/;

/**
 * Gives each request an id (answered as `X-Request-Id`, logged with any
 * failure) and logs one line when it ends: at debug level (LOG_LEVEL=debug),
 * an unavailable service as a warning, failures as errors. Health checks are
 * not logged. Nothing is built for a line the level leaves out: the search
 * page's ~0.2 ms of pino-http (a child logger and its serialisers per
 * request) was a tenth of the API's CPU per search.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && CALLER_ID.test(incoming) ? incoming : crypto.randomUUID();
    req.id = id;
    res.setHeader('x-request-id', id);
    if (req.url.startsWith('/api/health')) return next();
    const start = performance.now();
    res.once('close', () => {
      const status = res.statusCode;
      const level = status === 503 ? 'warn' : status >= 500 ? 'error' : 'debug';
      if (!log.isLevelEnabled(level)) return;
      const line = {
        req: { id, method: req.method, url: req.originalUrl },
        res: { statusCode: status },
        responseTime: Math.round(performance.now() - start),
      };
      log[level](line, res.writableFinished ? 'request completed' : 'request aborted');
    });
    next();
  };
}
