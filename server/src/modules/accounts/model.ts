import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';
import type { ModelDefinition } from '../../platform/db';
import { pendingEventsField } from '../../platform/events/pending';
import { keyIndexDefinition } from '../../platform/keyIndex';

export const userSchema = new Schema(
  {
    /**
     * Stored normalised (trimmed, lower-case). Unique among verified accounts
     * through the UserEmails key collection, claimed when the address is
     * confirmed; unverified accounts are listed under PendingEmails (see
     * commands/registerAccount.ts: an address may wait in several until one confirms it).
     */
    email: { type: String, required: true },
    /** When the address was confirmed (null: not yet; absent: an account from before verification, counted verified). */
    emailVerifiedAt: { type: Date, default: null },
    /** A new address waiting for its confirmation; `email` stays until then. */
    pendingEmail: { type: String, default: null },
    /** When the last verification mail was asked for (resend cool-down). */
    verificationMailAt: { type: Date, default: null },
    /** Access tokens issued before this are refused (a password reset or change ends every session). */
    sessionsValidFrom: { type: Date, default: null },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true, trim: true, maxlength: 120 },
    role: { type: String, enum: ['user', 'admin'], default: 'user' },
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', default: null, index: true },
    orgRole: { type: String, enum: ['owner', 'admin', 'member', null], default: null },
    status: { type: String, enum: ['active', 'suspended'], default: 'active' },
    locale: { type: String, enum: ['vi', 'en'], default: 'vi' },
    ...pendingEventsField,
  },
  { timestamps: true, strict: 'throw' },
);

/**
 * A login session: one document per refresh-token family, its `_id` the
 * family id, which the token itself carries (`<familyId>.<secret>`), so a
 * refresh reads its session by `_id`. Only hashes of tokens are stored; the
 * current one and the last few rotated ones (to tell an aborted reload from
 * a stolen token). `rotations` counts rotations atomically, so two
 * instances rotating the same token at once are caught as a reuse.
 */
export const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    tokenHash: { type: String, required: true },
    rotations: { type: Number, default: 0 },
    previous: { type: [{ _id: false, hash: String, usedAt: Date }], default: [] },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    ip: { type: String, default: null },
    userAgent: { type: String, default: null },
  },
  { timestamps: true, strict: 'throw', versionKey: false },
);

/**
 * A single-use token mailed in a link (address verification, password
 * reset): `_id` is the token's id part (`<id>.<secret>`), so it is read by
 * `_id`; only the hash of the whole token is stored. Consumed by deleting it.
 */
export const accountTokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    purpose: { type: String, enum: ['verify_email', 'change_email', 'reset_password'], required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    /** The address the token was mailed to (what it confirms). */
    email: { type: String, required: true },
    tokenHash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: true, strict: 'throw', versionKey: false },
);

export type User = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId; createdAt: Date };
export type UserModel = Model<InferSchemaType<typeof userSchema>>;
export type Session = InferSchemaType<typeof sessionSchema> & { _id: string };
export type SessionModel = Model<InferSchemaType<typeof sessionSchema>>;
export type AccountToken = InferSchemaType<typeof accountTokenSchema> & { _id: string };
export type AccountTokenModel = Model<InferSchemaType<typeof accountTokenSchema>>;

export const accountModels: ModelDefinition[] = [
  { name: 'User', schema: userSchema },
  { name: 'Session', schema: sessionSchema, collection: 'sessions' },
  /** Key collection: normalised email → the user id (login and the uniqueness of addresses). */
  keyIndexDefinition('UserEmails', 'useremails'),
  /** Key collection: user id → its session (refresh family) ids. */
  keyIndexDefinition('UserSessions', 'usersessions'),
  { name: 'AccountToken', schema: accountTokenSchema, collection: 'accounttokens' },
  /** Key collection: user id → its outstanding token ids (so a reset can cancel the others). */
  keyIndexDefinition('UserTokens', 'usertokens'),
  /** Key collection: normalised email → unverified accounts registered with it (newest last, a few). */
  keyIndexDefinition('PendingEmails', 'pendingemails'),
];
