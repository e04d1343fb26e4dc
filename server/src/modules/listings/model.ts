import { listingStatuses } from '@techbridge/shared';
import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';
import type { ModelDefinition } from '../../platform/db';
import { pendingEventsField } from '../../platform/events/pending';
import { keyIndexDefinition } from '../../platform/keyIndex';

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

/** A listing image: its renditions' base name under DATA_DIR/uploads (see platform/files/images.ts) and sizes. */
const imageSchema = new Schema(
  {
    /** Never sent to clients. */
    storedAs: { type: String, required: true },
    width: { type: Number, required: true },
    height: { type: Number, required: true },
    thumbWidth: { type: Number, required: true },
    thumbHeight: { type: Number, required: true },
    /** Generated (demo covers) rather than uploaded. */
    generated: { type: Boolean, default: false },
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
  /** Images, the cover first. */
  images: { type: [imageSchema], default: [] },
  views: { type: Number, default: 0 },
  deletedAt: { type: Date, default: null },
  searchDirty: { type: Boolean, default: true, index: true },
  /** Matches need recomputing (same outbox pattern as searchDirty). */
  matchDirty: { type: Boolean, default: false, index: true },
  rev: { type: Number, default: 0 },
  /** When the matcher last announced new pairs of this listing (see matching/pass.ts). */
  matchedAt: { type: Date, default: null },
  /** The organisation's own reference, the key of idempotent bulk imports. */
  externalRef: { type: String, default: null },
  /** Hash of the last imported row, so an identical re-import changes nothing. */
  importHash: { type: String, default: null },
  lang: { type: String, enum: ['vi', 'en'], default: 'vi' },
  translation: { title: { type: String }, summary: { type: String } },
  title: { type: String, required: true },
  sectors: { type: [String], default: [] },
  keywords: { type: [String], default: [] },
  province: { type: String, required: true },
  transferModes: { type: [String], default: [] },
  ...pendingEventsField,
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

/**
 * A work queue of listings whose dirty flag (`searchDirty` for the search
 * sync, `matchDirty` for the matcher) may be set: one collection per flag,
 * one entry per listing (`_id` "<type>:<listingId>"). The flag, set in the
 * same atomic update as the write, stays the truth; the queue only tells
 * the background workers where to look, so a pass reads a few small entries
 * and their listings by `_id` instead of querying the flag, which FerretDB
 * answers by reading every listing. Each enqueue draws a new `token`; an
 * entry is removed only with the token it was read with, so a write that
 * re-queues the listing meanwhile keeps its entry.
 */
export const listingQueueSchema = new Schema(
  {
    _id: { type: String, required: true },
    type: { type: String, enum: ['offer', 'demand'], required: true },
    listingId: { type: String, required: true },
    token: { type: String, required: true },
  },
  { strict: 'throw', versionKey: false },
);

export type QueueEntry = InferSchemaType<typeof listingQueueSchema> & { _id: string; type: 'offer' | 'demand' };
export type ListingQueueModel = Model<InferSchemaType<typeof listingQueueSchema>>;

export type Offer = InferSchemaType<typeof offerSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type Demand = InferSchemaType<typeof demandSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type Attachment = Offer['attachments'][number] & { _id: Types.ObjectId };
export type ListingImage = Offer['images'][number] & { _id: Types.ObjectId };
export type OfferModel = Model<InferSchemaType<typeof offerSchema>>;
export type DemandModel = Model<InferSchemaType<typeof demandSchema>>;
export type AnyListing = Offer | Demand;

/**
 * One viewer of one listing on one day, its `_id` derived from the three
 * (see views.ts): inserting it is how a view is counted once a day, by any
 * instance. `day` lets a maintenance sweep drop old days.
 */
const listingViewerSchema = new Schema(
  { _id: { type: String, required: true }, day: { type: String, required: true } },
  { versionKey: false, strict: 'throw' },
);

export const listingModels: ModelDefinition[] = [
  { name: 'ListingViewer', schema: listingViewerSchema, collection: 'listingviewers' },
  { name: 'Offer', schema: offerSchema },
  { name: 'Demand', schema: demandSchema },
  /** Listings whose `searchDirty` may be set (see listingQueueSchema). */
  { name: 'SearchQueue', schema: listingQueueSchema, collection: 'searchqueue' },
  /** Listings whose `matchDirty` may be set. */
  { name: 'MatchQueue', schema: listingQueueSchema, collection: 'matchqueue' },
  /** Key collection: "<organisation id>:<type>" → the organisation's listing ids, oldest first. */
  keyIndexDefinition('OrgListings', 'orglistings'),
  /** Key collection: "<organisation id>:<type>" → "<listing id>:<reference>" of each listing imported with a reference. */
  keyIndexDefinition('ListingRefs', 'listingrefs'),
  /** Key collection: listing type → ids of listings waiting for review (may hold some no longer waiting). */
  keyIndexDefinition('ModerationQueue', 'moderationqueue'),
];
