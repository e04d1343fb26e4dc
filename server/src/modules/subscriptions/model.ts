import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';

/** A saved search: the user hears once about each new published listing it finds. */
export const savedSearchSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    organizationId: { type: Schema.Types.ObjectId, default: null },
    name: { type: String, required: true },
    query: { type: Schema.Types.Mixed, required: true },
  },
  { timestamps: true, strict: 'throw', minimize: false },
);

/** Which listing a saved search already alerted about: unique, so an alert fires once. */
export const savedSearchHitSchema = new Schema(
  {
    savedSearchId: { type: Schema.Types.ObjectId, required: true },
    listingKey: { type: String, required: true },
  },
  { timestamps: true, strict: 'throw' },
);
savedSearchHitSchema.index({ savedSearchId: 1, listingKey: 1 }, { unique: true });

/** Following a sector: the user hears of every new listing in it. */
export const followSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    organizationId: { type: Schema.Types.ObjectId, default: null },
    sector: { type: String, required: true, index: true },
  },
  { timestamps: true, strict: 'throw' },
);
followSchema.index({ userId: 1, sector: 1 }, { unique: true });

export type SavedSearch = InferSchemaType<typeof savedSearchSchema> & { _id: Types.ObjectId; createdAt: Date };
export type Follow = InferSchemaType<typeof followSchema> & { _id: Types.ObjectId; createdAt: Date };
export type SavedSearchModel = Model<InferSchemaType<typeof savedSearchSchema>>;
export type SavedSearchHitModel = Model<InferSchemaType<typeof savedSearchHitSchema>>;
export type FollowModel = Model<InferSchemaType<typeof followSchema>>;
