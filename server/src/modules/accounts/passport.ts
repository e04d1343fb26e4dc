import { normalizeEmail } from '@techbridge/shared';
import { Passport } from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Db } from '../../platform/db';
import type { AuthUser } from '../../platform/principal';
import { organizationStore } from '../organizations/store';
import type { User } from './model';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { isEmailVerified } from './policy';
import { accountStore } from './store';
import { JWT_ISSUER, sessionAlive } from './tokens';

/**
 * Loads the user behind a token or a login and refuses suspended accounts and
 * members of suspended organisations, so suspension takes effect at once; and
 * access tokens issued before the password was last set (`issuedAt`, seconds).
 */
export async function loadActiveUser(db: Db, userId: string, issuedAt?: number): Promise<AuthUser | null> {
  if (!/^[a-f0-9]{24}$/i.test(userId)) return null;
  const user = await accountStore(db).findUser(userId);
  if (user?.status !== 'active') return null;
  if (issuedAt !== undefined && user.sessionsValidFrom && issuedAt * 1000 < user.sessionsValidFrom.getTime())
    return null;
  if (user.organizationId) {
    const org = await organizationStore(db).findById(user.organizationId);
    if (org?.status !== 'active') return null;
  }
  return {
    id: String(user._id),
    email: user.email,
    name: user.name,
    role: user.role as AuthUser['role'],
    organizationId: user.organizationId ? String(user.organizationId) : null,
    orgRole: (user.orgRole ?? null) as AuthUser['orgRole'],
    emailVerified: isEmailVerified(user),
  };
}

/**
 * The accounts an address signs in to: its verified owner first, then the
 * unverified accounts registered with it (newest first; a registration is
 * usable before its address is confirmed, see registerAccount.ts).
 */
async function accountsFor(db: Db, email: string): Promise<User[]> {
  const store = accountStore(db);
  const owner = await store.findUserByEmail(email);
  const pendingIds = (await store.pendingIdsOf(email)).reverse().filter((id) => id !== String(owner?._id));
  return [...(owner ? [owner] : []), ...(await store.findUsers(pendingIds))];
}

/** A Passport instance per app (no global state), with the local and JWT strategies. */
export function createPassport(db: Db, jwtSecret: string): InstanceType<typeof Passport> {
  const passport = new Passport();
  passport.use(
    new LocalStrategy(
      { usernameField: 'email', passwordField: 'password', session: false },
      async (email, password, done) => {
        try {
          const candidates = await accountsFor(db, normalizeEmail(email));
          // Verify against a dummy hash for unknown emails: same answer, similar time.
          if (!candidates.length) {
            await verifyPassword(await dummyPasswordHash(), password);
            return done(null, false);
          }
          for (const user of candidates) {
            if (!(await verifyPassword(user.passwordHash, password))) continue;
            const active = await loadActiveUser(db, String(user._id));
            return done(null, active ?? false);
          }
          return done(null, false);
        } catch (err) {
          return done(err);
        }
      },
    ),
  );
  passport.use(
    new JwtStrategy(
      {
        jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
        secretOrKey: jwtSecret,
        issuer: JWT_ISSUER,
        algorithms: ['HS256'],
      },
      async (
        payload: { sub?: string; sid?: string; iat?: number },
        done: (err: unknown, user?: AuthUser | false) => void,
      ) => {
        try {
          // A token issued in a session that was logged out or revoked dies with it; so does one issued
          // before the password changed.
          if (payload.sid && !(await sessionAlive(db, payload.sid))) return done(null, false);
          const user = payload.sub ? await loadActiveUser(db, payload.sub, payload.iat ?? 0) : null;
          done(null, user ?? false);
        } catch (err) {
          done(err);
        }
      },
    ),
  );
  return passport;
}
