import crypto from 'node:crypto';
import { isValidationMessageKey, renderValidationMessage } from '@techbridge/shared';
import type { NextFunction, Request, Response } from 'express';
import mongoose from 'mongoose';
import { AppError } from '../../errors';
import type { Logger } from '../../logger';
import { requestLang } from './lang';

interface HttpishError {
  type?: string;
  status?: number;
  statusCode?: number;
  code?: number | string;
}

/** Maps anything thrown to the contract's error shape. Unknown errors become a 500 with a logged id. */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const e = err as HttpishError;
  if (e?.type === 'entity.too.large') return new AppError(413, 'payload_too_large', 'Request body is too large');
  if (e?.type === 'entity.parse.failed') return new AppError(400, 'bad_request', 'Malformed JSON body');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return new AppError(415, 'unsupported_media_type', 'Unsupported body encoding');
  if (err instanceof mongoose.Error.ValidationError) {
    const fields = Object.fromEntries(Object.entries(err.errors).map(([k, v]) => [k, v.message]));
    return new AppError(400, 'validation', 'Invalid input', fields);
  }
  if (err instanceof mongoose.Error.CastError) {
    return new AppError(400, 'validation', 'Invalid input', { [err.path]: 'Invalid value' });
  }
  // http-errors raised by Express internals (e.g. a file that vanished from disk).
  const status = e?.status ?? e?.statusCode;
  // The router could not percent-decode a path parameter (`/offers/%E0%A4%A`).
  if ((err as Error)?.name === 'URIError' && status === 400) return new AppError(400, 'bad_request', 'Malformed URL');
  if ((err as { expose?: boolean })?.expose && status && status >= 400 && status < 500) {
    return new AppError(
      status,
      status === 404 ? 'not_found' : 'bad_request',
      status === 404 ? 'Not found' : 'Bad request',
    );
  }
  if ((err as { code?: number })?.code === 11000) return new AppError(409, 'conflict', 'Already exists');
  // The database is restarting or unreachable: the write was not acknowledged, and the client may retry.
  if (isTransientDbError(err))
    return new AppError(503, 'unavailable', 'The database is temporarily unavailable, try again shortly');
  // A connection to a service (database, search, Redis) broke under the request: not the request's fault.
  if (SOCKET_ERRORS.has(String((err as { code?: unknown })?.code)))
    return new AppError(503, 'unavailable', 'A service is temporarily unavailable, try again shortly');
  return null;
}

/**
 * Socket errors as Node raises them. The MongoDB driver (6.22) passes some on
 * unwrapped: a command written to a pooled connection whose server was killed
 * fails with a plain `Error: This socket has been ended by the other party`
 * (EPIPE), not a MongoNetworkError; that was the 500 seen while FerretDB was
 * killed under writes.
 */
const SOCKET_ERRORS = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'ENOTCONN']);

/** Server error codes that mean "not now" (shutting down, stepping down, unreachable), as the driver's retry rules list them. */
const TRANSIENT_CODES = new Set([6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436]);

/**
 * An error that says the database cannot answer right now rather than that
 * the request is wrong. By class where the driver has one: every network error
 * (timeouts, and the pool clears that follow a dead connection, such as
 * `PoolClearedOnNetworkError`, whose name does not start with "Mongo" and
 * answered 500 when a database was killed under load); by name for the
 * driver's own "not connected" errors; by code for a server shutting down; and
 * FerretDB's SQLite refusing a write while locked.
 */
function isTransientDbError(err: unknown): boolean {
  if (err instanceof mongoose.mongo.MongoNetworkError) return true;
  // A bulk write cut off by a dead connection carries the network error inside (`errorResponse`).
  const inner = (err as { errorResponse?: unknown } | null)?.errorResponse;
  if (err instanceof mongoose.mongo.MongoBulkWriteError && inner && inner !== err && isTransientDbError(inner))
    return true;
  const e = err as { name?: unknown; code?: unknown; message?: unknown };
  if (
    /^(Mongo(ServerSelection|NotConnected|PoolCleared|PoolClosed|WaitQueueTimeout|TopologyClosed|ServerClosed|OperationTimeout)Error|MongooseServerSelectionError|PoolClearedOnNetworkError)$/.test(
      String(e?.name),
    ) ||
    /^MongoNetwork/.test(String(e?.name))
  )
    return true;
  if (err instanceof mongoose.mongo.MongoServerError && TRANSIENT_CODES.has(Number(err.code))) return true;
  return err instanceof mongoose.mongo.MongoError && /SQLITE_BUSY|database is locked/.test(String(e.message));
}

export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = toAppError(err);
    if (known) {
      const lang = requestLang(req);
      const fields = known.fields
        ? Object.fromEntries(
            Object.entries(known.fields).map(([k, v]) => [
              k,
              isValidationMessageKey(v) ? renderValidationMessage(v, lang) : v,
            ]),
          )
        : undefined;
      const message = known.code === 'validation' && lang === 'vi' ? 'Dữ liệu không hợp lệ' : known.message;
      // A service is away for a moment (see serviceGate for the same answer given before the handler runs).
      if (known.status === 503 && !res.hasHeader('retry-after')) res.setHeader('Retry-After', '2');
      res.status(known.status).json({ error: { code: known.code, message, ...(fields ? { fields } : {}) } });
      return;
    }
    const errorId = crypto.randomUUID();
    log.error({ err, errorId, reqId: req.id, method: req.method, url: req.originalUrl }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'Internal server error', errorId } });
  };
}
