import type { NextFunction, Request, Response } from 'express';
import { validationError } from '../../errors';

/** Path of the first key that could act as a MongoDB operator (`$gt`) or path (`a.b`), if any. */
export function findOperatorKey(value: unknown, path: string[] = [], depth = 0): string | null {
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key.startsWith('$') || key.includes('\0')) return [...path, key].join('.');
    const found = findOperatorKey(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Operator injection (`{"email": {"$gt": ""}}`) is refused before any handler
 * runs, in bodies and in query strings alike.
 */
export function rejectOperators(req: Request, _res: Response, next: NextFunction): void {
  const inQuery = Object.keys(req.query ?? {}).find((k) => k.includes('$')) ?? findOperatorKey(req.query);
  const inBody = findOperatorKey(req.body);
  const bad = inBody ?? inQuery;
  if (bad) {
    const field = bad.split('.').filter((p) => !p.includes('$'))[0] ?? bad;
    next(validationError({ [field]: 'operator' }, 'Query operators are not allowed'));
    return;
  }
  next();
}
