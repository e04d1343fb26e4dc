import { listingStatuses } from '@techbridge/shared';
import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';

const attachmentSchema = new Schema(
  {
    name: { type: String, required: true },
    type: { type: String, required: true },
    size: { type: Number, required: true },
    /** File name under DATA_DIR/uploads; never sent to clients. */
    storedAs: { type: String, required: true },
    uploadedAt: { type: Date, default: () => new Date() },
  },
  { _id: true },
);

/**
 * Fields every listing has. `searchDirty` + `rev` are the search outbox: a
 * write sets the flag in the same atomic update as the change; the search sync
 * clears it only if `rev` is unchanged once Meilisearch has applied it.
 */
const base = {
  organizationId: { type: Schema.Types.ObjectId, required: true, index: true },
  authorId: { type: Schema.Types.ObjectId, required: true },
  status: { type: String, enum: listingStatuses, default: 'draft', index: true },
  rejectionReason: { type: String, default: null },
  publishedAt: { type: Date, default: null },
  attachments: { type: [attachmentSchema], default: [] },
  views: { type: Number, default: 0 },
  deletedAt: { type: Date, default: null },
  searchDirty: { type: Boolean, default: true, index: true },
  /** Matches need recomputing (same outbox pattern as searchDirty). */
  matchDirty: { type: Boolean, default: false, index: true },
  rev: { type: Number, default: 0 },
  /** The organisation's own reference, the key of idempotent bulk imports. */
  externalRef: { type: String, default: null },
  /** Hash of the last imported row, so an identical re-import changes nothing. */
  importHash: { type: String, default: null },
  title: { type: String, required: true },
  sectors: { type: [String], default: [] },
  keywords: { type: [String], default: [] },
  province: { type: String, required: true },
  transferModes: { type: [String], default: [] },
};

export const offerSchema = new Schema(
  {
    ...base,
    summary: { type: String, required: true },
    description: { type: String, default: '' },
    trl: { type: Number, required: true },
    ip: {
      type: { type: String, required: true },
      status: { type: String, required: true },
      number: { type: String },
    },
    price: {
      min: { type: Number },
      max: { type: Number },
      currency: { type: String, default: 'VND' },
      negotiable: { type: Boolean, default: false },
    },
    applications: { type: [String], default: [] },
    confidential: { details: { type: String } },
  },
  { timestamps: true, strict: 'throw', minimize: false },
);

export const demandSchema = new Schema(
  {
    ...base,
    problem: { type: String, required: true },
    requirements: { type: String },
    trlMin: { type: Number },
    budget: { max: { type: Number }, currency: { type: String, default: 'VND' } },
    deadline: { type: Date },
  },
  { timestamps: true, strict: 'throw', minimize: false },
);

offerSchema.index({ organizationId: 1, externalRef: 1 });
demandSchema.index({ organizationId: 1, externalRef: 1 });

export type Offer = InferSchemaType<typeof offerSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type Demand = InferSchemaType<typeof demandSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type Attachment = Offer['attachments'][number] & { _id: Types.ObjectId };
export type OfferModel = Model<InferSchemaType<typeof offerSchema>>;
export type DemandModel = Model<InferSchemaType<typeof demandSchema>>;
