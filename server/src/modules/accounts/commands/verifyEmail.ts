import type { ChangeEmailInput } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { conflict, notFound, tooManyRequests, validationError } from '../../../platform/errors';
import { composeMail } from '../../../platform/mail/render';
import type { AuthUser } from '../../../platform/principal';
import { issueToken, takeToken } from '../accountTokens';
import { addressInUseMail, changeEmailMail, emailChangedMail, verifyEmailMail } from '../mails';
import type { User } from '../model';
import { verifyPassword } from '../passwords';
import { isEmailVerified } from '../policy';
import { accountStore } from '../store';

/** A verification mail at most this often per account (on top of the per-address rate limit). */
const RESEND_COOLDOWN_MS = 60_000;

const lang = (u: Pick<User, 'locale'>) => (u.locale === 'en' ? 'en' : 'vi');
const tokenIdOf = (token: string) => token.split('.')[0];
const invalidToken = () => validationError({ token: 'token_invalid' });

/** The owner of an address, when it belongs to an account other than `userId`. */
async function otherOwner(ctx: AppContext, email: string, userId: unknown): Promise<User | null> {
  const ownerId = await accountStore(ctx.db).ownerIdOf(email);
  return ownerId && ownerId !== String(userId) ? accountStore(ctx.db).findUser(ownerId) : null;
}

/** The mail to the owner of an address someone else tried to take: sign in, or reset the password. */
async function mailOwner(ctx: AppContext, owner: User, key: string): Promise<void> {
  const base = ctx.config.publicUrl;
  const content = addressInUseMail(lang(owner), { login: `${base}/login`, forgot: `${base}/forgot-password` });
  await ctx.mail.enqueue(await composeMail(key, owner.email, content, { awaited: true }));
}

/**
 * Mails the verification link of an unverified account, or (its address
 * being another account's) a note to that account's owner instead. Both
 * paths do the same work (a token is issued either way), so neither the
 * answer nor its time tells which happened.
 */
export async function mailVerification(ctx: AppContext, user: User): Promise<void> {
  const token = await issueToken(ctx.db, 'verify_email', user._id, user.email);
  const owner = await otherOwner(ctx, user.email, user._id);
  if (owner) return mailOwner(ctx, owner, `address-in-use:${tokenIdOf(token)}`);
  const link = `${ctx.config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
  const mail = await composeMail(
    `verify:${tokenIdOf(token)}`,
    user.email,
    verifyEmailMail(lang(user), user.name, link),
    { awaited: true },
  );
  await ctx.mail.enqueue(mail);
}

/** "Send the link again": the same answer for every unverified account, at most once a minute. */
export async function resendVerification(ctx: AppContext, principal: AuthUser): Promise<void> {
  const store = accountStore(ctx.db);
  const user = await store.findUser(principal.id);
  if (!user) throw notFound('User not found');
  if (isEmailVerified(user)) return;
  if (user.verificationMailAt && Date.now() - user.verificationMailAt.getTime() < RESEND_COOLDOWN_MS)
    throw tooManyRequests('A verification mail was just sent; wait a minute before asking again');
  await store.setFields(user._id, { verificationMailAt: new Date() });
  await mailVerification(ctx, user);
}

/**
 * Confirms an address with a mailed token: a registration's address, or a
 * new address replacing the current one. The address is claimed now (a key
 * document per address): if another account confirmed it first, a 409.
 */
export async function verifyEmail(ctx: AppContext, token: string): Promise<User> {
  const store = accountStore(ctx.db);
  const taken = await takeToken(ctx.db, token, ['verify_email', 'change_email']);
  if (!taken) throw invalidToken();
  const user = await store.findUser(taken.userId);
  if (!user) throw invalidToken();
  const address = taken.email;
  if (taken.purpose === 'verify_email') {
    // The account's address changed since this link was mailed.
    if (user.email !== address) throw invalidToken();
    if (isEmailVerified(user)) return user;
  } else if (user.pendingEmail !== address) throw invalidToken();
  const claimed = await store.claimEmail(address, user._id);
  if (!claimed && (await store.ownerIdOf(address)) !== String(user._id))
    throw conflict('This address already belongs to another account: sign in with it instead', {
      token: 'email_taken',
    });
  if (taken.purpose === 'verify_email') {
    await store.removePending(address, user._id);
    return (await store.setFields(user._id, { emailVerifiedAt: new Date(), verificationMailAt: null }))!;
  }
  const previous = user.email;
  const updated = (await store.setFields(user._id, {
    email: address,
    pendingEmail: null,
    emailVerifiedAt: new Date(),
  }))!;
  if ((await store.ownerIdOf(previous)) === String(user._id)) await store.releaseEmail(previous);
  const notice = emailChangedMail(lang(user), user.name, address);
  await ctx.mail.enqueue(await composeMail(`email-changed:${tokenIdOf(token)}`, previous, notice, { awaited: true }));
  return updated;
}

/**
 * Changes the sign-in address. A verified account keeps its address until
 * the new one is confirmed (the link goes to the new address); an unverified
 * one simply corrects it and gets a new link. An address that is another
 * account's is treated the same way, except that its owner gets the note
 * instead of a link.
 */
export async function changeEmail(ctx: AppContext, principal: AuthUser, input: ChangeEmailInput): Promise<User> {
  const store = accountStore(ctx.db);
  const user = await store.findUser(principal.id);
  if (!user) throw notFound('User not found');
  if (!(await verifyPassword(user.passwordHash, input.password))) throw validationError({ password: 'password_wrong' });
  if (input.email === user.email) throw validationError({ email: 'email_same' });
  if (!isEmailVerified(user)) {
    await store.removePending(user.email, user._id);
    const updated = (await store.setFields(user._id, { email: input.email, pendingEmail: null }))!;
    await store.addPending(input.email, user._id);
    await mailVerification(ctx, updated);
    return updated;
  }
  const updated = (await store.setFields(user._id, { pendingEmail: input.email }))!;
  const token = await issueToken(ctx.db, 'change_email', user._id, input.email);
  const owner = await otherOwner(ctx, input.email, user._id);
  if (owner) await mailOwner(ctx, owner, `address-in-use:${tokenIdOf(token)}`);
  else {
    const link = `${ctx.config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
    const mail = await composeMail(
      `change-email:${tokenIdOf(token)}`,
      input.email,
      changeEmailMail(lang(user), user.name, link),
      { awaited: true },
    );
    await ctx.mail.enqueue(mail);
  }
  return updated;
}
