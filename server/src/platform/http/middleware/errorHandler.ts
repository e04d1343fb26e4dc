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
  if (
    /^Mongo(Network|NetworkTimeout|ServerSelection|NotConnected|PoolCleared|TopologyClosed)Error$/.test(
      String((err as Error)?.name),
    )
  )
    return new AppError(503, 'unavailable', 'The database is temporarily unavailable, try again shortly');
  return null;
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
      res.status(known.status).json({ error: { code: known.code, message, ...(fields ? { fields } : {}) } });
      return;
    }
    const errorId = crypto.randomUUID();
    log.error({ err, errorId, reqId: req.id, method: req.method, url: req.originalUrl }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'Internal server error', errorId } });
  };
}
