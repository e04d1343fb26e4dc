import type { Request } from 'express';
import { badRequest } from '../../platform/errors';
import type { RequestMeta } from './commands/updateDeal';

/**
 * Where a deal write came from (its address, for the journal) and how it
 * names itself: an `Idempotency-Key` header makes a retried request apply
 * once (the retry answers the deal as it is).
 */
export function requestMeta(req: Request): RequestMeta {
  const key = req.get('idempotency-key');
  if (key !== undefined && !/^[\w.:-]{8,100}$/.test(key))
    throw badRequest('Idempotency-Key: 8 to 100 letters, digits, ".", ":", "_" or "-"', {
      'Idempotency-Key': 'invalid_type',
    });
  return { ip: req.ip ?? null, requestKey: key ?? null };
}
