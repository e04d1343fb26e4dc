import { Types } from 'mongoose';
import { defineStore, findEachById } from '../../platform/db';
import { carry } from '../../platform/events/pending';
import { collectionEventSource } from '../../platform/events/source';
import type { PendingEvent } from '../../platform/events/types';
import { keyIndex } from '../../platform/keyIndex';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import { RECENT_READ_MAX_AGE_MS, recentRecords } from '../../platform/lib/recentRecords';
import type { AccountToken, AccountTokenModel, Session, SessionModel, User, UserModel } from './model';

/** How many unverified accounts one address lists (the newest): bounds what a login with that address checks. */
const PENDING_PER_EMAIL = 5;

/**
 * Every query on users and their sessions: `_id` lookups and key
 * collections (email → user, user → sessions), except the `scan…` ones.
 */
export const accountStore = defineStore((connection) => {
  const User = connection.model('User') as UserModel;
  const Session = connection.model('Session') as SessionModel;
  const Token = connection.model('AccountToken') as AccountTokenModel;
  const emails = keyIndex(connection, 'UserEmails');
  const pending = keyIndex(connection, 'PendingEmails');
  const userTokens = keyIndex(connection, 'UserTokens');
  const userSessions = keyIndex(connection, 'UserSessions');
  const perUserWrite = keyedMutex();
  /** Users read lately by background passes (announcements notify the same members again and again). */
  const recent = recentRecords<User>({ retainMs: RECENT_READ_MAX_AGE_MS, capacity: 5_000 });
  /** Every write of a user goes through here: one at a time per user, and forgotten by `recent`. */
  const perUser = <T>(id: string, work: () => Promise<T>): Promise<T> =>
    perUserWrite(id, () => recent.writing([id], work));
  const perSession = keyedMutex();

  const users = collectionEventSource('users', User, perUser);

  return {
    users,
    findUser: (id: unknown) => User.findById(id).lean<User>(),
    findUsers: (ids: unknown[]) => findEachById<User>(User, ids),
    /**
     * findUsers for background passes: a user read within `maxAgeMs` is not read again. A write through this store
     * shows at once; another instance's write within `maxAgeMs`.
     */
    findUsersRecent: (ids: unknown[], maxAgeMs = RECENT_READ_MAX_AGE_MS) =>
      recent.read(ids, maxAgeMs, (missing) => findEachById<User>(User, missing)),
    async findUserByEmail(email: string): Promise<User | null> {
      const [id] = await emails.get(email);
      return id ? User.findById(id).lean<User>() : null;
    },
    /** The verified account's id of an address, if any (the UserEmails key). */
    async ownerIdOf(email: string): Promise<string | null> {
      return (await emails.get(email))[0] ?? null;
    },
    /** Claims the address for a user id; false when it belongs to someone already. */
    claimEmail: (email: string, userId: unknown) => emails.claim(email, [String(userId)]),
    releaseEmail: (email: string) => emails.drop(email),
    /** Unverified accounts registered with an address, oldest first (at most a few). */
    pendingIdsOf: (email: string) => pending.get(email),
    addPending: (email: string, userId: unknown) => pending.add(email, [String(userId)], PENDING_PER_EMAIL),
    removePending: (email: string, userId: unknown) => pending.remove(email, [String(userId)]),
    /** Sets fields of a user (one write per user at a time); resolves with the user after it. */
    setFields: (id: unknown, fields: Record<string, unknown>) =>
      perUser(String(id), () =>
        User.findByIdAndUpdate(id, { $set: fields }, { new: true, runValidators: true }).lean<User>(),
      ),
    newUserId: () => new Types.ObjectId(),
    async createUser(doc: Record<string, unknown> & { _id: Types.ObjectId }): Promise<User> {
      return (await User.create(doc)).toObject() as User;
    },
    /** Sets a user's status, carrying the event that re-projects the listings they wrote. */
    setStatus: (id: string, status: 'active' | 'suspended', events: PendingEvent[]) =>
      perUser(id, () => User.updateOne({ _id: id }, carry({ $set: { status } }, events))),
    /** scan: whether any administrator exists (the production bootstrap, at start). */
    scanHasAdmin: async () => !!(await User.exists({ role: 'admin' })),
    makeAdmin: (id: unknown) => perUser(String(id), () => User.updateOne({ _id: id }, { $set: { role: 'admin' } })),
    /** scan: the active users and what their daily digest needs (the digest job, once a day, in the background). */
    scanDigestUsers: () =>
      User.find(
        { status: 'active' },
        { email: 1, name: 1, locale: 1, organizationId: 1, status: 1, emailVerifiedAt: 1 },
      ).lean<User[]>(),
    /** scan: every user, newest first, with what the administrators' list shows (an admin tool). */
    scanForAdmin: () =>
      User.find({}, { email: 1, name: 1, role: 1, status: 1, organizationId: 1, createdAt: 1 })
        .sort({ createdAt: -1 })
        .limit(5000)
        .lean<User[]>(),

    // ---- Sessions (refresh-token families)

    findSession: (id: string) => Session.findById(id).lean<Session>(),
    async createSession(doc: Omit<Session, 'rotations' | 'previous' | 'revokedAt' | 'createdAt' | 'updatedAt'>) {
      await Session.create(doc);
      await userSessions.add(String(doc.userId), [doc._id]);
    },
    /** One rotation or revocation of a session at a time in this process. */
    withSession: <T>(id: string, work: () => Promise<T>) => perSession(id, work),
    /**
     * Replaces the current token of a session read as `current` (the caller
     * holds `withSession`); the used one joins the last few rotated ones.
     * Resolves with the session's rotation count after this one.
     */
    async rotateSession(current: Session, next: { tokenHash: string; expiresAt: Date }): Promise<number> {
      const previous = [...(current.previous ?? []), { hash: current.tokenHash, usedAt: new Date() }].slice(-5);
      const updated = await Session.findOneAndUpdate(
        { _id: current._id },
        { $inc: { rotations: 1 }, $set: { ...next, previous } },
        { new: true },
      ).lean<Session>();
      return updated?.rotations ?? -1;
    },
    /** Ends a session (the caller holds `withSession`, or the session is simply marked again). */
    revokeSession: (id: string) => Session.updateOne({ _id: id }, { $set: { revokedAt: new Date() } }),
    sessionIdsOf: (userId: unknown) => userSessions.get(String(userId)),

    // ---- Single-use tokens (verification, reset)

    async createToken(doc: Omit<AccountToken, 'createdAt' | 'updatedAt'>): Promise<void> {
      await Token.create(doc);
      await userTokens.add(String(doc.userId), [doc._id]);
    },
    findToken: (id: string) => Token.findById(id).lean<AccountToken>(),
    /** Takes a token for good: true for the one call that deleted it (single use, across instances). */
    async consumeToken(token: AccountToken): Promise<boolean> {
      const { deletedCount } = await Token.deleteOne({ _id: token._id });
      await userTokens.remove(String(token.userId), [token._id]);
      return deletedCount === 1;
    },
    /** Deletes a user's outstanding tokens of one purpose (a reset cancels the other reset links). */
    async dropTokens(userId: unknown, purpose: AccountToken['purpose']): Promise<void> {
      const ids = await userTokens.get(String(userId));
      const tokens = await findEachById<AccountToken>(Token, ids, { purpose: 1 });
      const gone = tokens.filter((t) => t.purpose === purpose).map((t) => t._id);
      for (const id of gone) await Token.deleteOne({ _id: id });
      // Ids whose token is gone already (consumed, expired and deleted) leave the key too.
      const found = new Set(tokens.map((t) => t._id));
      await userTokens.remove(String(userId), [...gone, ...ids.filter((id) => !found.has(id))]);
    },
  };
});

export type AccountStore = ReturnType<typeof accountStore>;
