import type { RegisterInput } from '@techbridge/shared';
import type { Db } from '../../../platform/db';
import type { Organization } from '../../organizations/model';
import { organizationStore } from '../../organizations/store';
import type { User } from '../model';
import { createUser } from './createUser';

/**
 * Creates an organisation and its first user, the owner. Without
 * transactions (FerretDB has none) the organisation is removed again if the
 * user cannot be created.
 *
 * A public registration (`verified: false`) never looks at whether the
 * address has an account: every registration creates an unverified account
 * in the same way and answers the same, and only the mail that follows
 * differs (a verification link, or a note to the address's owner; see
 * mailVerification). An account registered with someone else's address is a
 * pending registration that can never be confirmed: it browses and drafts,
 * nothing more, and the address stays its owner's.
 */
export async function registerAccount(
  db: Db,
  input: RegisterInput,
  options: { verified: boolean; locale?: 'vi' | 'en'; organizationId?: string },
): Promise<{ user: User; organization: Organization }> {
  const orgs = organizationStore(db);
  const organization = await orgs.create({
    ...input.organization,
    verified: options.verified,
    ...(options.organizationId ? { _id: options.organizationId } : {}),
  });
  try {
    const user = await createUser(db, {
      ...input,
      organizationId: organization._id,
      orgRole: 'owner',
      verified: options.verified,
      locale: options.locale,
    });
    return { user, organization };
  } catch (err) {
    await orgs.remove(organization._id);
    throw err;
  }
}
