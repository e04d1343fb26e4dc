import { organizationSizes, organizationTypeCodes, provinceCodes } from '@techbridge/shared';
import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';
import type { ModelDefinition } from '../../platform/db';
import { pendingEventsField } from '../../platform/events/pending';
import { keyIndexDefinition } from '../../platform/keyIndex';

export const organizationSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 200 },
    type: { type: String, required: true, enum: organizationTypeCodes },
    province: { type: String, required: true, enum: provinceCodes },
    verified: { type: Boolean, default: false },
    status: { type: String, enum: ['active', 'suspended'], default: 'active' },
    /** The latest verification request (so "is one pending?" is a lookup, not a query of the requests). */
    latestVerificationId: { type: Schema.Types.ObjectId, default: null },
    // ---- The public profile (PATCH /organizations/me/profile)
    description: { type: String, default: null },
    foundedYear: { type: Number, default: null },
    size: { type: String, enum: [...organizationSizes, null], default: null },
    sectors: { type: [String], default: [] },
    expertise: { type: [String], default: [] },
    website: { type: String, default: null },
    contact: {
      type: new Schema({ name: String, title: String, email: String, phone: String }, { _id: false }),
      default: null,
    },
    /** The uploaded logo (a 256×256 WebP in DATA_DIR/uploads); `version` makes its URL change with it. */
    logo: {
      type: new Schema({ storedAs: String, version: Number }, { _id: false }),
      default: null,
    },
    /** Deals won (outcome confirmed by both parties) where the organisation was a party: kept by the deals module. */
    wonDealIds: { type: [String], default: [] },
    ...pendingEventsField,
  },
  { timestamps: true, strict: 'throw' },
);

const documentSchema = new Schema(
  { name: String, type: { type: String }, size: Number, storedAs: String },
  { _id: true },
);

/** An organisation's request to be verified, with its registration details and documents. */
export const verificationSchema = new Schema(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true, index: true },
    requestedBy: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: ['pending', 'approved', 'rejected'], default: 'pending', index: true },
    registrationNumber: { type: String, required: true },
    taxCode: { type: String },
    address: { type: String, required: true },
    website: { type: String },
    note: { type: String },
    documents: { type: [documentSchema], default: [] },
    reason: { type: String, default: null },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    decidedAt: { type: Date, default: null },
    ...pendingEventsField,
  },
  { timestamps: true, strict: 'throw' },
);

/**
 * An invitation to join an organisation, mailed as a link carrying
 * `<_id>.<secret>`: read by `_id`, only the hash of the whole token kept.
 * Deleted when accepted or revoked; an expired one is refused and listed no more.
 */
export const invitationSchema = new Schema(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    email: { type: String, required: true },
    role: { type: String, enum: ['admin', 'member'], required: true },
    invitedBy: { type: Schema.Types.ObjectId, required: true },
    invitedByName: { type: String, required: true },
    tokenHash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: true, strict: 'throw', versionKey: false },
);

export type Organization = InferSchemaType<typeof organizationSchema> & { _id: Types.ObjectId; createdAt: Date };
export type OrganizationModel = Model<InferSchemaType<typeof organizationSchema>>;
export type Verification = InferSchemaType<typeof verificationSchema> & { _id: Types.ObjectId; createdAt: Date };
export type VerificationModel = Model<InferSchemaType<typeof verificationSchema>>;
export type Invitation = InferSchemaType<typeof invitationSchema> & { _id: Types.ObjectId; createdAt: Date };
export type InvitationModel = Model<InferSchemaType<typeof invitationSchema>>;

export const organizationModels: ModelDefinition[] = [
  { name: 'Organization', schema: organizationSchema },
  { name: 'Verification', schema: verificationSchema },
  /** Key collection: organisation id → its members' user ids. */
  keyIndexDefinition('OrgMembers', 'orgmembers'),
  /** Key collection: request status ('pending', …) → verification request ids, oldest first. */
  keyIndexDefinition('VerificationQueue', 'verificationqueue'),
  { name: 'Invitation', schema: invitationSchema },
  /** Key collection: organisation id → its outstanding invitation ids. */
  keyIndexDefinition('OrgInvitations', 'orginvitations'),
];
