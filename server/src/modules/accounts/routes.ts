import { loginSchema, registerSchema } from '@techbridge/shared';
import { route } from '../../context';
import { AppError, notFound, unauthorized } from '../../platform/errors';
import { requestLang } from '../../platform/http/middleware/lang';
import { ipKey } from '../../platform/http/middleware/rateLimit';
import type { AuthUser } from '../../platform/principal';
import { presentOrganization } from '../organizations/presenter';
import { organizationStore } from '../organizations/store';
import { registerAccount } from './commands/registerAccount';
import { mailVerification } from './commands/verifyEmail';
import { loadActiveUser } from './passport';
import { presentUser } from './presenter';
import {
  accessTokenFor,
  authenticateLocal,
  clearSessionCookies,
  refreshToken,
  setSessionCookies,
  startSession,
} from './session';
import { accountStore } from './store';
import { revokeByToken, rotateRefreshToken } from './tokens';

export const accountRoutes = [
  route({
    method: 'post',
    path: '/auth/register',
    tag: 'Auth',
    summary:
      'Register a user with a new organisation; starts a session and mails a verification link (the same answer whether or not the address has an account: its owner is mailed instead)',
    access: 'public',
    rateLimit: 'register',
    body: registerSchema,
    responses: { 201: 'Access token, user and organisation; sets the refresh cookie' },
    responseShape: 'json',
    async handler({ ctx, body, req, res }) {
      const { user, organization } = await registerAccount(ctx.db, body, { verified: false, locale: requestLang(req) });
      await mailVerification(ctx, user);
      const principal: AuthUser = {
        id: String(user._id),
        email: user.email,
        name: user.name,
        role: 'user',
        organizationId: String(organization._id),
        orgRole: 'owner',
        emailVerified: false,
      };
      const accessToken = await startSession(ctx, req, res, principal);
      res.status(201);
      return { accessToken, user: presentUser(user), organization: presentOrganization(organization) };
    },
  }),
  route({
    method: 'post',
    path: '/auth/login',
    tag: 'Auth',
    summary: 'Log in with email and password; starts a session',
    access: 'public',
    // Per address and email, so one attacker cannot lock every account and one account cannot be brute-forced.
    rateLimit: {
      name: 'login',
      key: (req) => {
        const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
        return `${ipKey(req)}|${email}`;
      },
    },
    body: loginSchema,
    responses: { 200: 'Access token and user; sets the refresh cookie' },
    responseShape: 'login',
    errors: [401],
    async handler({ ctx, req, res }) {
      const principal = await authenticateLocal(ctx, req, res);
      // Same answer for an unknown email and a wrong password.
      if (!principal) throw new AppError(401, 'invalid_credentials', 'Wrong email or password');
      const accessToken = await startSession(ctx, req, res, principal);
      const user = await accountStore(ctx.db).findUser(principal.id);
      return { accessToken, user: presentUser(user!) };
    },
  }),
  route({
    method: 'post',
    path: '/auth/refresh',
    tag: 'Auth',
    summary: 'Rotate the refresh cookie and get a new access token',
    access: 'public',
    rateLimit: 'refresh',
    responses: { 200: 'A new access token' },
    responseShape: 'json',
    errors: [401],
    async handler({ ctx, req, res }) {
      const token = refreshToken(req);
      if (!token) throw unauthorized('No refresh token');
      const result = await rotateRefreshToken(
        ctx.db,
        token,
        ctx.config.refreshTokenTtlDays,
        ctx.config.refreshReuseGraceSeconds,
      );
      if (!result.ok) {
        // A reused token ended its session: its live connections end too.
        if (result.sessionId) ctx.realtime.endSession(result.sessionId, 'revoked');
        clearSessionCookies(ctx, res);
        throw unauthorized(
          result.reason === 'reused'
            ? 'Refresh token reuse detected; all sessions of this login were ended'
            : 'Session expired',
        );
      }
      const user = await loadActiveUser(ctx.db, result.userId);
      if (!user) {
        clearSessionCookies(ctx, res);
        throw unauthorized('Account is not active');
      }
      setSessionCookies(ctx, res, result.token, result.expiresAt);
      return { accessToken: accessTokenFor(ctx, user, result.sessionId) };
    },
  }),
  route({
    method: 'post',
    path: '/auth/logout',
    tag: 'Auth',
    summary: 'End the session of the refresh cookie',
    access: 'public',
    responses: { 204: 'Logged out' },
    responseShape: 'none',
    async handler({ ctx, req, res }) {
      const token = refreshToken(req);
      const ended = token ? await revokeByToken(ctx.db, token) : null;
      // The session's sockets close now, not when their access token runs out.
      if (ended) ctx.realtime.endSession(ended, 'logout');
      clearSessionCookies(ctx, res);
      res.status(204).end();
    },
  }),
  route({
    method: 'get',
    path: '/me',
    tag: 'Auth',
    summary: 'The current user and organisation',
    access: 'user',
    responses: { 200: 'User and organisation' },
    responseShape: 'json',
    async handler({ ctx, user: principal }) {
      const user = await accountStore(ctx.db).findUser(principal.id);
      if (!user) throw notFound('User not found');
      const organization = user.organizationId ? await organizationStore(ctx.db).findById(user.organizationId) : null;
      return { user: presentUser(user), organization: organization ? presentOrganization(organization) : null };
    },
  }),
];
