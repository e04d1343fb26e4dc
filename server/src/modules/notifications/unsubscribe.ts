import crypto from 'node:crypto';
import { type MailKind, mailKinds } from '@techbridge/shared';

/** What an unsubscribe link turns off: one kind of mail, or every kind that goes to the daily digest. */
export type UnsubscribeScope = MailKind | 'digest';

const sign = (secret: string, payload: string) =>
  crypto.createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url').slice(0, 32);

/**
 * A signed, stateless unsubscribe token (`<user>.<scope>.<signature>`, HMAC
 * with the app's secret): the link works without signing in, for as long as
 * the secret stays, and names nothing but the user's id and the kind.
 */
export function unsubscribeToken(secret: string, userId: string, scope: UnsubscribeScope): string {
  return `${userId}.${scope}.${sign(secret, `${userId}.${scope}`)}`;
}

export function readUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; scope: UnsubscribeScope } | null {
  const [userId, scope, signature] = token.split('.');
  if (!/^[a-f0-9]{24}$/.test(userId ?? '') || !signature) return null;
  if (scope !== 'digest' && !(mailKinds as readonly string[]).includes(scope ?? '')) return null;
  const expected = Buffer.from(sign(secret, `${userId}.${scope}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return { userId, scope: scope as UnsubscribeScope };
}
