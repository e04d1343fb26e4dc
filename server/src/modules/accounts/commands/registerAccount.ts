import type { RegisterInput } from '@techbridge/shared';
import type { Db } from '../../../platform/db';
import { conflict } from '../../../platform/errors';
import type { Organization } from '../../organizations/model';
import { organizationStore } from '../../organizations/store';
import type { User } from '../model';
import { accountStore } from '../store';
import { createUser } from './createUser';

/**
 * Creates an organisation and its first user, the owner. Without
 * transactions (FerretDB has none) the organisation is removed again if the
 * user cannot be created (the address taken meanwhile, say).
 */
export async function registerAccount(
  db: Db,
  input: RegisterInput,
  options: { verified?: boolean } = {},
): Promise<{ user: User; organization: Organization }> {
  if (await accountStore(db).findUserByEmail(input.email))
    throw conflict('This email is already registered', { email: 'email_taken' });
  const orgs = organizationStore(db);
  const organization = await orgs.create({ ...input.organization, verified: options.verified ?? false });
  try {
    const user = await createUser(db, { ...input, organizationId: organization._id, orgRole: 'owner' });
    return { user, organization };
  } catch (err) {
    await orgs.remove(organization._id);
    throw err;
  }
}
