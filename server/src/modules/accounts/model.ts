import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';
import type { ModelDefinition } from '../../platform/db';
import { pendingEventsField } from '../../platform/events/pending';
import { keyIndexDefinition } from '../../platform/keyIndex';

export const userSchema = new Schema(
  {
    /** Stored normalised (trimmed, lower-case), so uniqueness is case-insensitive (see UserEmails). */
    email: { type: String, required: true, unique: true },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true, trim: true, maxlength: 120 },
    role: { type: String, enum: ['user', 'admin'], default: 'user' },
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', default: null, index: true },
    orgRole: { type: String, enum: ['owner', 'member', null], default: null },
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

export type User = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId; createdAt: Date };
export type UserModel = Model<InferSchemaType<typeof userSchema>>;
export type Session = InferSchemaType<typeof sessionSchema> & { _id: string };
export type SessionModel = Model<InferSchemaType<typeof sessionSchema>>;

export const accountModels: ModelDefinition[] = [
  { name: 'User', schema: userSchema },
  { name: 'Session', schema: sessionSchema, collection: 'sessions' },
  /** Key collection: normalised email → the user id (login and the uniqueness of addresses). */
  keyIndexDefinition('UserEmails', 'useremails'),
  /** Key collection: user id → its session (refresh family) ids. */
  keyIndexDefinition('UserSessions', 'usersessions'),
];
