import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Types } from 'mongoose';
import type { Models } from '../../platform/db';

export const JWT_ISSUER = 'techbridge';
export const REFRESH_COOKIE = 'tb_refresh';
/** Readable by the web client; says only that a refresh cookie was set. */
export const SESSION_HINT_COOKIE = 'tb_session';

export interface AccessClaims {
  sub: string;
  org: string | null;
  role: 'user' | 'admin';
}

export function signAccessToken(claims: AccessClaims, secret: string, ttlSeconds: number): string {
  return jwt.sign({ org: claims.org, role: claims.role }, secret, {
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

/** Issues a refresh token in a family (a new one at login). Only its hash is stored. */
export async function issueRefreshToken(
  models: Models,
  userId: Types.ObjectId | string,
  ttlDays: number,
  ctx: RefreshContext,
  familyId: string = crypto.randomUUID(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlDays * 86_400_000);
  await models.RefreshToken.create({
    userId,
    familyId,
    tokenHash: sha256(token),
    expiresAt,
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export type RotateResult =
  | { ok: true; userId: string; token: string; expiresAt: Date }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' };

/**
 * Rotates a refresh token: the presented one is marked used (atomically, so
 * two concurrent uses cannot both succeed) and a new one in the same family is
 * issued. Presenting a used or revoked token revokes the whole family.
 */
export async function rotateRefreshToken(
  models: Models,
  token: string,
  ttlDays: number,
  ctx: RefreshContext,
  graceSeconds = 0,
): Promise<RotateResult> {
  const tokenHash = sha256(token);
  const now = new Date();
  const claimed = await models.RefreshToken.findOneAndUpdate(
    { tokenHash, usedAt: null, revokedAt: null },
    { $set: { usedAt: now } },
    { new: false },
  ).lean();
  if (!claimed) {
    const existing = await models.RefreshToken.findOne({ tokenHash }).lean();
    if (!existing) return { ok: false, reason: 'unknown' };
    // A page reload can abort a refresh after the server rotated the token but
    // before the browser stored the new cookie; the same browser then presents
    // the previous token moments later. Within the grace period, and while the
    // family is intact, that continues the family instead of ending it.
    const recentlyRotated =
      existing.usedAt && !existing.revokedAt && now.getTime() - existing.usedAt.getTime() <= graceSeconds * 1000;
    if (recentlyRotated && existing.expiresAt > now) {
      const familyRevoked = await models.RefreshToken.exists({ familyId: existing.familyId, revokedAt: { $ne: null } });
      if (!familyRevoked) {
        const next = await issueRefreshToken(models, existing.userId, ttlDays, ctx, existing.familyId);
        return { ok: true, userId: String(existing.userId), ...next };
      }
    }
    await revokeFamily(models, existing.familyId);
    return { ok: false, reason: existing.revokedAt && !existing.usedAt ? 'revoked' : 'reused' };
  }
  if (claimed.expiresAt <= now) return { ok: false, reason: 'expired' };
  const next = await issueRefreshToken(models, claimed.userId, ttlDays, ctx, claimed.familyId);
  return { ok: true, userId: String(claimed.userId), ...next };
}

export async function revokeFamily(models: Models, familyId: string): Promise<void> {
  await models.RefreshToken.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: new Date() } });
}

/** Logout: revokes the family of the presented token, if it is one of ours. */
export async function revokeByToken(models: Models, token: string): Promise<void> {
  const existing = await models.RefreshToken.findOne({ tokenHash: sha256(token) }).lean();
  if (existing) await revokeFamily(models, existing.familyId);
}

/** Ends every session of a user (suspension, password change). */
export async function revokeAllForUser(models: Models, userId: Types.ObjectId | string): Promise<void> {
  await models.RefreshToken.updateMany({ userId, revokedAt: null }, { $set: { revokedAt: new Date() } });
}
