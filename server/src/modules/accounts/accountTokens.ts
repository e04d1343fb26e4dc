import crypto from 'node:crypto';
import type { Db } from '../../platform/db';
import type { AccountToken } from './model';
import { accountStore } from './store';

export type TokenPurpose = AccountToken['purpose'];

/** How long a mailed link works. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  verify_email: 3 * 86_400_000,
  change_email: 86_400_000,
  reset_password: 3_600_000,
};

const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest();

/** A new single-use token for a user and an address: `<id>.<secret>`, stored as its hash under the id. */
export async function issueToken(db: Db, purpose: TokenPurpose, userId: unknown, email: string): Promise<string> {
  const id = crypto.randomBytes(12).toString('base64url');
  const token = `${id}.${crypto.randomBytes(32).toString('base64url')}`;
  await accountStore(db).createToken({
    _id: id,
    purpose,
    userId: userId as never,
    email,
    tokenHash: sha256(token).toString('hex'),
    expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
  });
  return token;
}

/**
 * Takes a token for good if it is one of ours, of one of the purposes, and
 * not expired: read by its id, compared by hash, then deleted (only the call
 * whose delete took effect gets it). Null otherwise.
 */
export async function takeToken(db: Db, token: string, purposes: TokenPurpose[]): Promise<AccountToken | null> {
  const [id] = token.split('.');
  if (!id || !/^[\w-]{8,40}$/.test(id)) return null;
  const store = accountStore(db);
  const found = await store.findToken(id);
  if (!found) return null;
  const stored = Buffer.from(found.tokenHash, 'hex');
  const presented = sha256(token);
  if (stored.length !== presented.length || !crypto.timingSafeEqual(stored, presented)) return null;
  if (!purposes.includes(found.purpose)) return null;
  if (found.expiresAt.getTime() <= Date.now()) {
    await store.consumeToken(found);
    return null;
  }
  return (await store.consumeToken(found)) ? found : null;
}
