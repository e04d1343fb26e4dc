import type { UserDto } from '@techbridge/shared';
import type { User } from './model';
import { isEmailVerified } from './policy';

/** The only way a user leaves the server: never the password hash or status internals. */
export function presentUser(user: User): UserDto {
  return {
    id: String(user._id),
    email: user.email,
    name: user.name,
    role: user.role as UserDto['role'],
    orgRole: (user.orgRole ?? null) as UserDto['orgRole'],
    organizationId: user.organizationId ? String(user.organizationId) : null,
    locale: user.locale as UserDto['locale'],
    emailVerified: isEmailVerified(user),
    pendingEmail: user.pendingEmail ?? null,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}
