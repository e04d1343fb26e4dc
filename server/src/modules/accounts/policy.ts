import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/principal';

/** Confirmed, or created before addresses were confirmed (no field at all): verified. */
export const isEmailVerified = (user: { emailVerifiedAt?: Date | null }) => user.emailVerifiedAt !== null;

/**
 * Publishing and contacting other organisations need a confirmed address;
 * browsing and drafting do not. A clear 403 the client turns into the
 * "confirm your address" banner.
 */
export function requireVerifiedEmail(user: AuthUser): void {
  if (user.emailVerified === false)
    throw new AppError(
      403,
      'email_unverified',
      'Confirm your email address first: open the link we mailed you (or ask for a new one)',
    );
}
