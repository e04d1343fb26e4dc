import type { RegisterInput } from '@techbridge/shared';
import type { Models } from '../../../platform/db';
import { conflict } from '../../../platform/errors';
import type { Organization } from '../../organizations/model';
import { hashPassword } from '../passwords';
import type { User } from '../user.model';

/**
 * Creates an organisation and its first user, the owner. Without transactions
 * (FerretDB has none) the organisation is removed again if the user cannot be
 * created, e.g. when the same email registers twice at the same moment.
 */
export async function registerAccount(
  models: Models,
  input: RegisterInput,
  options: { verified?: boolean } = {},
): Promise<{ user: User; organization: Organization }> {
  if (await models.User.exists({ email: input.email })) {
    throw conflict('This email is already registered', { email: 'email_taken' });
  }
  const passwordHash = await hashPassword(input.password);
  const organization = (
    await models.Organization.create({
      ...input.organization,
      verified: options.verified ?? false,
    })
  ).toObject() as Organization;
  try {
    const user = (
      await models.User.create({
        email: input.email,
        passwordHash,
        name: input.name,
        organizationId: organization._id,
        orgRole: 'owner',
      })
    ).toObject() as User;
    return { user, organization };
  } catch (err) {
    await models.Organization.deleteOne({ _id: organization._id });
    if ((err as { code?: number }).code === 11000) {
      throw conflict('This email is already registered', { email: 'email_taken' });
    }
    throw err;
  }
}
