import { changePasswordSchema, forgotPasswordSchema, resetPasswordSchema } from '@techbridge/shared';
import { route } from '../../context';
import { unauthorized } from '../../platform/errors';
import { requestLang } from '../../platform/http/middleware/lang';
import { ipKey } from '../../platform/http/middleware/rateLimit';
import { changePassword, requestPasswordReset, resetPassword } from './commands/password';
import { loadActiveUser } from './passport';
import { startSession } from './session';

const emailOf = (body: unknown) => {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

/** Forgotten passwords (a mailed single-use link) and changing one's password while signed in. */
export const passwordRoutes = [
  route({
    method: 'post',
    path: '/auth/password/forgot',
    tag: 'Auth',
    summary:
      'Mail a password reset link (valid one hour, once); the same answer whether or not the address has an account',
    access: 'public',
    rateLimit: { name: 'mail', key: (req) => `${ipKey(req)}|${emailOf(req.body)}` },
    body: forgotPasswordSchema,
    responses: { 202: 'Accepted (a link was mailed if the address has an account)' },
    responseShape: 'json',
    errors: [429],
    async handler({ ctx, body, req, res }) {
      await requestPasswordReset(ctx, body.email, requestLang(req));
      res.status(202);
      return { ok: true };
    },
  }),
  route({
    method: 'post',
    path: '/auth/password/reset',
    tag: 'Auth',
    summary: 'Set a new password with the token of a reset link; every session of the account ends',
    access: 'public',
    rateLimit: 'login',
    body: resetPasswordSchema,
    responses: { 200: 'Password set: sign in with it' },
    responseShape: 'json',
    async handler({ ctx, body }) {
      await resetPassword(ctx, body);
      return { ok: true };
    },
  }),
  route({
    method: 'post',
    path: '/me/password',
    tag: 'Auth',
    summary: 'Change the password (with the current one); every other session ends, this one continues',
    access: 'user',
    rateLimit: { name: 'login', key: (req) => `${ipKey(req)}|password-change` },
    body: changePasswordSchema,
    responses: { 200: 'A new access token (and refresh cookie) for this session' },
    responseShape: 'json',
    async handler({ ctx, user, body, req, res }) {
      await changePassword(ctx, user, body);
      const principal = await loadActiveUser(ctx.db, user.id);
      if (!principal) throw unauthorized('Account is not active');
      return { accessToken: await startSession(ctx, req, res, principal) };
    },
  }),
];
