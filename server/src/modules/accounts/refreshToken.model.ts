import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';

/**
 * One row per issued refresh token. Tokens are stored as SHA-256 hashes; a
 * family is the chain of rotations from one login. Presenting a token that was
 * already rotated (usedAt set) revokes the whole family.
 */
export const refreshTokenSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    familyId: { type: String, required: true, index: true },
    tokenHash: { type: String, required: true, unique: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    ip: { type: String, default: null },
    userAgent: { type: String, default: null },
  },
  { timestamps: true, strict: 'throw' },
);

export type RefreshToken = InferSchemaType<typeof refreshTokenSchema> & { _id: Types.ObjectId };
export type RefreshTokenModel = Model<InferSchemaType<typeof refreshTokenSchema>>;
