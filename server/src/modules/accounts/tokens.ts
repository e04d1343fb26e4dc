import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Db } from '../../platform/db';
import { accountStore } from './store';

export const JWT_ISSUER = 'techbridge';
export const REFRESH_COOKIE = 'tb_refresh';
/** Readable by the web client; says only that a refresh cookie was set. */
export const SESSION_HINT_COOKIE = 'tb_session';

export interface AccessClaims {
  sub: string;
  org: string | null;
  role: 'user' | 'admin';
  /** The session (refresh family) the token was issued in: it dies with it (logout, revocation). */
  sid?: string;
}

export function signAccessToken(claims: AccessClaims, secret: string, ttlSeconds: number): string {
  return jwt.sign({ org: claims.org, role: claims.role, ...(claims.sid ? { sid: claims.sid } : {}) }, secret, {
    subject: claims.sub,
    expiresIn: ttlSeconds,
    issuer: JWT_ISSUER,
    algorithm: 'HS256',
  });
}

const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('hex');

export interface RefreshContext {
  ip?: string;
  userAgent?: string;
}

/** A refresh token names its session: `<sessionId>.<secret>`. Only the hash of the whole token is stored. */
function newToken(sessionId: string): { token: string; tokenHash: string } {
  const token = `${sessionId}.${crypto.randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: sha256(token) };
}

const sessionIdOf = (token: string): string | null => {
  const id = token.split('.')[0];
  return /^[\w-]{16,64}$/.test(id) ? id : null;
};

/** Starts a session (a login): a new refresh-token family. */
export async function issueRefreshToken(
  db: Db,
  userId: unknown,
  ttlDays: number,
  ctx: RefreshContext,
): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
  const sessionId = crypto.randomBytes(16).toString('base64url');
  const { token, tokenHash } = newToken(sessionId);
  const expiresAt = new Date(Date.now() + ttlDays * 86_400_000);
  await accountStore(db).createSession({
    _id: sessionId,
    userId: userId as never,
    tokenHash,
    expiresAt,
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt, sessionId };
}

export type RotateResult =
  | { ok: true; userId: string; token: string; expiresAt: Date; sessionId: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused'; sessionId?: string };

/**
 * Rotates a refresh token: the session's current token is replaced and the
 * presented one marked used. Presenting a used token ends the whole session
 * (someone else may hold it), except just after its rotation (`graceSeconds`):
 * a page reload can abort a refresh after the server rotated the token but
 * before the browser stored the new cookie, and the same browser then
 * presents the previous token moments later.
 */
export async function rotateRefreshToken(
  db: Db,
  token: string,
  ttlDays: number,
  graceSeconds = 0,
): Promise<RotateResult> {
  const sessionId = sessionIdOf(token);
  if (!sessionId) return { ok: false, reason: 'unknown' };
  const store = accountStore(db);
  const presented = sha256(token);
  return store.withSession(sessionId, async () => {
    const session = await store.findSession(sessionId);
    if (!session) return { ok: false, reason: 'unknown' };
    if (session.revokedAt) return { ok: false, reason: 'revoked' };
    const now = Date.now();
    const used = session.previous?.find((p) => p.hash === presented);
    if (session.tokenHash !== presented) {
      if (!used) return { ok: false, reason: 'unknown' };
      const recentlyRotated = now - new Date(used.usedAt as Date).getTime() <= graceSeconds * 1000;
      if (!recentlyRotated || session.expiresAt.getTime() <= now) {
        await store.revokeSession(sessionId);
        return { ok: false, reason: 'reused', sessionId };
      }
    } else if (session.expiresAt.getTime() <= now) {
      return { ok: false, reason: 'expired' };
    }
    const next = newToken(sessionId);
    const expiresAt = new Date(now + ttlDays * 86_400_000);
    const rotations = await store.rotateSession(session, { tokenHash: next.tokenHash, expiresAt });
    // Another instance rotated the same session at the same moment: one of the two tokens was stolen.
    if (rotations !== (session.rotations ?? 0) + 1) {
      await store.revokeSession(sessionId);
      return { ok: false, reason: 'reused', sessionId };
    }
    return { ok: true, userId: String(session.userId), token: next.token, expiresAt, sessionId };
  });
}

/** Logout: ends the session of the presented token, if it is one of ours; resolves with its id. */
export async function revokeByToken(db: Db, token: string): Promise<string | null> {
  const sessionId = sessionIdOf(token);
  const store = accountStore(db);
  const session = sessionId ? await store.findSession(sessionId) : null;
  if (session && (session.tokenHash === sha256(token) || session.previous?.some((p) => p.hash === sha256(token)))) {
    await store.withSession(session._id, () => store.revokeSession(session._id));
    return session._id;
  }
  return null;
}

/** Whether an access token's session is still alive (not logged out or revoked). */
export async function sessionAlive(db: Db, sessionId: string): Promise<boolean> {
  const session = await accountStore(db).findSession(sessionId);
  return !!session && !session.revokedAt;
}

/** Ends every session of a user (suspension, password change). */
export async function revokeAllForUser(db: Db, userId: unknown): Promise<void> {
  const store = accountStore(db);
  for (const id of await store.sessionIdsOf(userId)) await store.withSession(id, () => store.revokeSession(id));
}
