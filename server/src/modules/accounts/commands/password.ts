import type { ChangePasswordInput, ResetPasswordInput } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { notFound, validationError } from '../../../platform/errors';
import { composeMail } from '../../../platform/mail/render';
import type { AuthUser } from '../../../platform/principal';
import { issueToken, takeToken } from '../accountTokens';
import { passwordChangedMail, resetPasswordMail } from '../mails';
import type { User } from '../model';
import { hashPassword, verifyPassword } from '../passwords';
import { accountStore } from '../store';
import { revokeAllForUser } from '../tokens';

const lang = (u: Pick<User, 'locale'>) => (u.locale === 'en' ? 'en' : 'vi');

/** The account an address signs in to: its verified owner, else the newest unverified account with it. */
async function accountOf(ctx: AppContext, email: string): Promise<User | null> {
  const store = accountStore(ctx.db);
  const owner = await store.findUserByEmail(email);
  if (owner) return owner;
  const [newest] = (await store.pendingIdsOf(email)).slice(-1);
  return newest ? store.findUser(newest) : null;
}

/**
 * "Forgot password": mails a single-use link valid for an hour to an address
 * that has an account. The caller learns nothing: the answer is the same,
 * and an unknown address costs the same rendering work.
 */
export async function requestPasswordReset(ctx: AppContext, email: string, requestLang: 'vi' | 'en'): Promise<void> {
  const user = await accountOf(ctx, email);
  if (user?.status !== 'active') {
    await composeMail('none', email, resetPasswordMail(requestLang, '', `${ctx.config.publicUrl}/reset-password`));
    return;
  }
  const token = await issueToken(ctx.db, 'reset_password', user._id, user.email);
  const link = `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  const key = `reset:${token.split('.')[0]}`;
  await ctx.mail.enqueue(
    await composeMail(key, user.email, resetPasswordMail(lang(user), user.name, link), { awaited: true }),
  );
}

/** A new password; every session of the user ends (all refresh families, and access tokens issued before). */
async function setPassword(ctx: AppContext, user: User, password: string, noticeKey: string): Promise<void> {
  const store = accountStore(ctx.db);
  // Whole seconds, as access tokens carry their issue time: the session started right after this is not refused.
  await store.setFields(user._id, {
    passwordHash: await hashPassword(password),
    sessionsValidFrom: new Date(Math.floor(Date.now() / 1000) * 1000),
  });
  await revokeAllForUser(ctx.db, user._id);
  await store.dropTokens(user._id, 'reset_password');
  const forgot = `${ctx.config.publicUrl}/forgot-password`;
  await ctx.mail.enqueue(
    await composeMail(noticeKey, user.email, passwordChangedMail(lang(user), user.name, forgot), { awaited: true }),
  );
}

/** Sets the password from a mailed reset link (single use, one hour). */
export async function resetPassword(ctx: AppContext, input: ResetPasswordInput): Promise<void> {
  const taken = await takeToken(ctx.db, input.token, ['reset_password']);
  const user = taken ? await accountStore(ctx.db).findUser(taken.userId) : null;
  if (!taken || !user || user.email !== taken.email) throw validationError({ token: 'token_invalid' });
  await setPassword(ctx, user, input.password, `password-reset:${taken._id}`);
}

/** Changes the password of the signed-in user, who proves the current one; other sessions end. */
export async function changePassword(ctx: AppContext, principal: AuthUser, input: ChangePasswordInput): Promise<User> {
  const user = await accountStore(ctx.db).findUser(principal.id);
  if (!user) throw notFound('User not found');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw validationError({ currentPassword: 'password_wrong' });
  await setPassword(ctx, user, input.newPassword, `password-changed:${user._id}:${Date.now()}`);
  return user;
}
