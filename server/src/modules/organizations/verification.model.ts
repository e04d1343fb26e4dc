import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';

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
  },
  { timestamps: true, strict: 'throw' },
);

export type Verification = InferSchemaType<typeof verificationSchema> & { _id: Types.ObjectId; createdAt: Date };
export type VerificationModel = Model<InferSchemaType<typeof verificationSchema>>;
