import type { Db } from '../../../platform/db';
import { conflict } from '../../../platform/errors';
import { organizationStore } from '../../organizations/store';
import type { User } from '../model';
import { hashPassword } from '../passwords';
import { accountStore } from '../store';

export interface NewUser {
  email: string;
  password: string;
  name: string;
  role?: 'user' | 'admin';
  organizationId?: unknown;
  orgRole?: 'owner' | 'admin' | 'member' | null;
  locale?: 'vi' | 'en';
  /**
   * Verified (demo accounts, administrators, an accepted invitation: the
   * address is known to be theirs): the address is claimed now, and a taken
   * one is a 409. Unverified (a registration): the account waits under
   * PendingEmails until its address is confirmed (see verifyEmail.ts).
   */
  verified: boolean;
}

/**
 * Creates a user and lists them among their organisation's members. A
 * verified user claims the address first (a key document per address, so two
 * creations of one address at the same moment cannot both pass); the claim
 * is released if the user cannot be created.
 */
export async function createUser(db: Db, input: NewUser): Promise<User> {
  const accounts = accountStore(db);
  const userId = accounts.newUserId();
  if (input.verified && !(await accounts.claimEmail(input.email, userId)))
    throw conflict('This email is already registered', { email: 'email_taken' });
  try {
    const user = await accounts.createUser({
      _id: userId,
      email: input.email,
      passwordHash: await hashPassword(input.password),
      name: input.name,
      role: input.role ?? 'user',
      organizationId: input.organizationId ?? null,
      orgRole: input.orgRole ?? null,
      locale: input.locale ?? 'vi',
      emailVerifiedAt: input.verified ? new Date() : null,
    });
    if (!input.verified) await accounts.addPending(input.email, user._id);
    if (input.organizationId) await organizationStore(db).addMember(input.organizationId, user._id);
    return user;
  } catch (err) {
    if (input.verified) await accounts.releaseEmail(input.email);
    throw err;
  }
}
