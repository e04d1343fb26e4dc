import { changeEmailSchema, verifyEmailSchema } from '@techbridge/shared';
import { route } from '../../context';
import { notFound } from '../../platform/errors';
import { changeEmail, resendVerification, verifyEmail } from './commands/verifyEmail';
import { presentUser } from './presenter';
import { accountStore } from './store';

/** Confirming addresses: the mailed link, sending it again, and changing the sign-in address. */
export const emailRoutes = [
  route({
    method: 'post',
    path: '/auth/verify-email',
    tag: 'Auth',
    summary: 'Confirm an address with the token of a mailed link (a registration, or a new address)',
    access: 'public',
    body: verifyEmailSchema,
    responses: { 200: 'The user, address confirmed' },
    responseShape: 'json',
    errors: [409],
    async handler({ ctx, body }) {
      return { user: presentUser(await verifyEmail(ctx, body.token)) };
    },
  }),
  route({
    method: 'post',
    path: '/auth/verify-email/resend',
    tag: 'Auth',
    summary: 'Mail the verification link again (at most once a minute, and a few times per address)',
    access: 'user',
    rateLimit: 'mail',
    responses: { 202: 'Queued (or nothing to do: the address is confirmed)' },
    responseShape: 'json',
    errors: [429],
    async handler({ ctx, user, res }) {
      await resendVerification(ctx, user);
      res.status(202);
      return { ok: true };
    },
  }),
  route({
    method: 'post',
    path: '/me/email',
    tag: 'Auth',
    summary:
      'Change the sign-in address (with the password): a link goes to the new address, the current one stays until it is confirmed',
    access: 'user',
    rateLimit: 'mail',
    body: changeEmailSchema,
    responses: { 202: 'The user, with the new address pending' },
    responseShape: 'json',
    errors: [429],
    async handler({ ctx, user, body, res }) {
      const updated = await changeEmail(ctx, user, body);
      res.status(202);
      return { user: presentUser(updated) };
    },
  }),
  route({
    method: 'delete',
    path: '/me/email/pending',
    tag: 'Auth',
    summary: 'Cancel a pending change of address (its link stops working)',
    access: 'user',
    responses: { 200: 'The user' },
    responseShape: 'json',
    async handler({ ctx, user }) {
      const updated = await accountStore(ctx.db).setFields(user.id, { pendingEmail: null });
      if (!updated) throw notFound('User not found');
      return { user: presentUser(updated) };
    },
  }),
];
