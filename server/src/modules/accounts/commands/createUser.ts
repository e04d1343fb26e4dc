import type { Db } from '../../../platform/db';
import { conflict } from '../../../platform/errors';
import { organizationStore } from '../../organizations/store';
import type { User } from '../model';
import { hashPassword } from '../passwords';
import { accountStore } from '../store';

/**
 * Creates a user, claiming the address first (a key document per address,
 * so two creations of one address at the same moment cannot both pass), and
 * lists them among their organisation's members. The claim is released if
 * the user cannot be created.
 */
export async function createUser(
  db: Db,
  input: {
    email: string;
    password: string;
    name: string;
    role?: 'user' | 'admin';
    organizationId?: unknown;
    orgRole?: 'owner' | 'member' | null;
  },
): Promise<User> {
  const accounts = accountStore(db);
  const userId = accounts.newUserId();
  if (!(await accounts.claimEmail(input.email, userId)))
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
    });
    if (input.organizationId) await organizationStore(db).addMember(input.organizationId, user._id);
    return user;
  } catch (err) {
    await accounts.releaseEmail(input.email);
    throw err;
  }
}
