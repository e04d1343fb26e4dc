import { type MailPreferences, mailKinds, mailPreferencesSchema, unsubscribeSchema } from '@techbridge/shared';
import { route } from '../../context';
import { validationError } from '../../platform/errors';
import { mailStore } from './mail.store';
import { readUnsubscribeToken } from './unsubscribe';

/** E-mail notification preferences, and the one-click unsubscribe link of every notification mail. */
export const mailRoutes = [
  route({
    method: 'get',
    path: '/me/notification-preferences',
    tag: 'Notifications',
    summary: 'My e-mail preferences per kind: immediately, daily digest, or off',
    access: 'user',
    responses: { 200: 'The preferences' },
    async handler({ ctx, user }) {
      return { data: await mailStore(ctx.db).preferencesOf(user.id) };
    },
  }),
  route({
    method: 'put',
    path: '/me/notification-preferences',
    tag: 'Notifications',
    summary: 'Set the e-mail preference of some kinds (the others stay)',
    access: 'user',
    body: mailPreferencesSchema,
    responses: { 200: 'The preferences after the change' },
    async handler({ ctx, user, body }) {
      const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v)) as Partial<MailPreferences>;
      return { data: await mailStore(ctx.db).setPreferences(user.id, changes) };
    },
  }),
  route({
    method: 'post',
    path: '/mail/unsubscribe',
    tag: 'Notifications',
    summary:
      'One-click unsubscribe (RFC 8058, the List-Unsubscribe address of every notification mail): turns that kind of mail off, no sign-in needed',
    access: 'public',
    query: unsubscribeSchema,
    responses: { 200: 'What was turned off, and the preferences after' },
    responseShape: 'json',
    async handler({ ctx, query }) {
      const read = readUnsubscribeToken(ctx.jwtSecret, query.token);
      if (!read) throw validationError({ token: 'token_invalid' });
      const store = mailStore(ctx.db);
      const current = await store.preferencesOf(read.userId);
      const kinds = read.scope === 'digest' ? mailKinds.filter((k) => current[k] === 'digest') : [read.scope];
      const preferences = await store.setPreferences(
        read.userId,
        Object.fromEntries(kinds.map((k) => [k, 'off'])) as Partial<MailPreferences>,
      );
      return { scope: read.scope, turnedOff: kinds, preferences };
    },
  }),
];
