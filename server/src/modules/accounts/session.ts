import type { CookieOptions, Request, Response } from 'express';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../platform/principal';
import { issueRefreshToken, REFRESH_COOKIE, SESSION_HINT_COOKIE, signAccessToken } from './tokens';

/** Session cookies and access tokens, shared by the login, registration and password routes. */
const cookieOptions = (ctx: AppContext, expires?: Date): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure: ctx.config.production,
  path: '/api/auth',
  ...(expires ? { expires } : {}),
});

/** An access token names its session (`sid`): it dies with the session (logout, revocation). */
export const accessTokenFor = (ctx: AppContext, user: AuthUser, sid: string) =>
  signAccessToken(
    { sub: user.id, org: user.organizationId, role: user.role, sid },
    ctx.jwtSecret,
    ctx.config.accessTokenTtl,
  );

/**
 * Besides the httpOnly refresh cookie, a readable hint cookie (no secret in
 * it) tells the web client that a session exists, so a guest's page load
 * does not try a refresh that can only fail.
 */
export function setSessionCookies(ctx: AppContext, res: Response, token: string, expires: Date) {
  res.cookie(REFRESH_COOKIE, token, cookieOptions(ctx, expires));
  res.cookie(SESSION_HINT_COOKIE, '1', { sameSite: 'strict', secure: ctx.config.production, path: '/', expires });
}

export function clearSessionCookies(ctx: AppContext, res: Response) {
  res.clearCookie(REFRESH_COOKIE, cookieOptions(ctx));
  res.clearCookie(SESSION_HINT_COOKIE, { path: '/' });
}

export async function startSession(ctx: AppContext, req: Request, res: Response, user: AuthUser): Promise<string> {
  const refresh = await issueRefreshToken(ctx.db, user.id, ctx.config.refreshTokenTtlDays, {
    ip: req.ip,
    userAgent: req.get('user-agent'),
  });
  setSessionCookies(ctx, res, refresh.token, refresh.expiresAt);
  return accessTokenFor(ctx, user, refresh.sessionId);
}

/** Passport's local strategy as a promise: the principal, or false for wrong credentials. */
export function authenticateLocal(ctx: AppContext, req: Request, res: Response): Promise<AuthUser | false> {
  return new Promise((resolve, reject) =>
    ctx.passport.authenticate('local', { session: false }, (err: unknown, principal: AuthUser | false) =>
      err ? reject(err) : resolve(principal),
    )(req, res, reject),
  );
}

export const refreshToken = (req: Request): string => {
  const token: unknown = req.cookies?.[REFRESH_COOKIE];
  return typeof token === 'string' ? token : '';
};
