import type { Lang } from '@techbridge/shared';
import type { Request } from 'express';

/** The language to answer in: English when the client prefers it, Vietnamese otherwise. */
export function requestLang(req: Request): Lang {
  const header = req.headers['accept-language'];
  return typeof header === 'string' && /^en\b/i.test(header.trim()) ? 'en' : 'vi';
}
