import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';

export const userSchema = new Schema(
  {
    /** Stored normalised (trimmed, lower-case), so uniqueness is case-insensitive. */
    email: { type: String, required: true, unique: true },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true, trim: true, maxlength: 120 },
    role: { type: String, enum: ['user', 'admin'], default: 'user' },
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', default: null, index: true },
    orgRole: { type: String, enum: ['owner', 'member', null], default: null },
    status: { type: String, enum: ['active', 'suspended'], default: 'active' },
    locale: { type: String, enum: ['vi', 'en'], default: 'vi' },
    /**
     * Unread notifications, kept with each notification and each read (by
     * `_id`, so a live push never counts the notifications collection);
     * recounted whenever the user lists their notifications.
     */
    unreadNotifications: { type: Number, default: 0 },
  },
  { timestamps: true, strict: 'throw' },
);

export type User = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };
export type UserModel = Model<InferSchemaType<typeof userSchema>>;
