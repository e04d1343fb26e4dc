import { loginSchema, registerSchema } from '@techbridge/shared';
import { type CookieOptions, type Request, type Response, Router } from 'express';
import type { AppContext } from '../../context';
import { AppError, unauthorized } from '../../platform/errors';
import { ipKey } from '../../platform/http/middleware/rateLimit';
import { validate } from '../../platform/http/middleware/validate';
import { registerAccount } from './commands/registerAccount';
import { type AuthUser, loadActiveUser } from './passport';
import { presentOrganization, presentUser } from './presenter';
import {
  issueRefreshToken,
  REFRESH_COOKIE,
  revokeByToken,
  rotateRefreshToken,
  SESSION_HINT_COOKIE,
  signAccessToken,
} from './tokens';

export function authRouter(ctx: AppContext): Router {
  const router = Router();
  const { models } = ctx.db;
  const { config } = ctx;

  const cookieOptions = (expires?: Date): CookieOptions => ({
    httpOnly: true,
    sameSite: 'strict',
    secure: config.production,
    path: '/api/auth',
    ...(expires ? { expires } : {}),
  });
  const accessTokenFor = (user: AuthUser) =>
    signAccessToken({ sub: user.id, org: user.organizationId, role: user.role }, ctx.jwtSecret, config.accessTokenTtl);
  const clientInfo = (req: Request) => ({ ip: req.ip, userAgent: req.get('user-agent') });
  /**
   * Besides the httpOnly refresh cookie, a readable hint cookie (no secret in
   * it) tells the web client that a session exists, so a guest's page load
   * does not try a refresh that can only fail.
   */
  const setSessionCookies = (res: Response, token: string, expires: Date) => {
    res.cookie(REFRESH_COOKIE, token, cookieOptions(expires));
    res.cookie(SESSION_HINT_COOKIE, '1', { sameSite: 'strict', secure: config.production, path: '/', expires });
  };
  const clearSessionCookies = (res: Response) => {
    res.clearCookie(REFRESH_COOKIE, cookieOptions());
    res.clearCookie(SESSION_HINT_COOKIE, { path: '/' });
  };
  const startSession = async (req: Request, res: Response, user: AuthUser) => {
    const refresh = await issueRefreshToken(models, user.id, config.refreshTokenTtlDays, clientInfo(req));
    setSessionCookies(res, refresh.token, refresh.expiresAt);
    return accessTokenFor(user);
  };

  // Per address and email, so one attacker cannot lock every account and one account cannot be brute-forced.
  const loginLimiter = ctx.rateLimits.http('login', (req) => {
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
    return `${ipKey(req)}|${email}`;
  });

  router.post('/auth/register', ctx.rateLimits.http('register'), async (req, res) => {
    const input = validate(registerSchema, req.body);
    const { user, organization } = await registerAccount(models, input);
    const principal: AuthUser = {
      id: String(user._id),
      email: user.email,
      name: user.name,
      role: 'user',
      organizationId: String(organization._id),
      orgRole: 'owner',
    };
    const accessToken = await startSession(req, res, principal);
    res.status(201).json({ accessToken, user: presentUser(user), organization: presentOrganization(organization) });
  });

  router.post('/auth/login', loginLimiter, async (req, res, next) => {
    validate(loginSchema, req.body);
    ctx.passport.authenticate('local', { session: false }, async (err: unknown, principal: AuthUser | false) => {
      try {
        if (err) throw err;
        // Same answer for an unknown email and a wrong password.
        if (!principal) throw new AppError(401, 'invalid_credentials', 'Wrong email or password');
        const accessToken = await startSession(req, res, principal);
        const user = await models.User.findById(principal.id).lean();
        res.json({ accessToken, user: presentUser(user!) });
      } catch (e) {
        next(e);
      }
    })(req, res, next);
  });

  router.post('/auth/refresh', ctx.rateLimits.http('refresh'), async (req, res) => {
    const token: unknown = req.cookies?.[REFRESH_COOKIE];
    if (typeof token !== 'string' || !token) throw unauthorized('No refresh token');
    const result = await rotateRefreshToken(
      models,
      token,
      config.refreshTokenTtlDays,
      clientInfo(req),
      config.refreshReuseGraceSeconds,
    );
    if (!result.ok) {
      clearSessionCookies(res);
      throw unauthorized(
        result.reason === 'reused'
          ? 'Refresh token reuse detected; all sessions of this login were ended'
          : 'Session expired',
      );
    }
    const user = await loadActiveUser(models, result.userId);
    if (!user) {
      clearSessionCookies(res);
      throw unauthorized('Account is not active');
    }
    setSessionCookies(res, result.token, result.expiresAt);
    res.json({ accessToken: accessTokenFor(user) });
  });

  router.post('/auth/logout', async (req, res) => {
    const token: unknown = req.cookies?.[REFRESH_COOKIE];
    if (typeof token === 'string' && token) await revokeByToken(models, token);
    clearSessionCookies(res);
    res.status(204).end();
  });

  return router;
}
