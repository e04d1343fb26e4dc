import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';
import type { ModelDefinition } from '../../platform/db';
import { keyIndexDefinition } from '../../platform/keyIndex';

/** A user's saved searches, in one document per user (`_id` the user id): the user hears once about each new listing one finds. */
export const savedSearchListSchema = new Schema(
  {
    _id: { type: String, required: true },
    organizationId: { type: Schema.Types.ObjectId, default: null },
    searches: {
      type: [
        {
          name: { type: String, required: true },
          query: { type: Schema.Types.Mixed, required: true },
          createdAt: { type: Date, required: true },
        },
      ],
      default: [],
    },
  },
  { strict: 'throw', minimize: false, versionKey: false },
);

/** Which listing a saved search already alerted about: `_id` "<saved search>:<type>:<listing>", so an alert fires once. */
export const savedSearchHitSchema = new Schema(
  { _id: { type: String, required: true } },
  { timestamps: { createdAt: true, updatedAt: false }, strict: 'throw', versionKey: false },
);

/** The sectors a user follows, in one document per user: the user hears of every new listing in them. */
export const followListSchema = new Schema(
  {
    _id: { type: String, required: true },
    organizationId: { type: Schema.Types.ObjectId, default: null },
    sectors: { type: [{ _id: false, sector: String, createdAt: Date }], default: [] },
  },
  { strict: 'throw', versionKey: false },
);

export type SavedSearchList = InferSchemaType<typeof savedSearchListSchema> & { _id: string };
export type SavedSearch = SavedSearchList['searches'][number] & { _id: Types.ObjectId };
export type FollowList = InferSchemaType<typeof followListSchema> & { _id: string };

export const subscriptionModels: ModelDefinition[] = [
  { name: 'SavedSearchList', schema: savedSearchListSchema, collection: 'savedsearches' },
  { name: 'SavedSearchHit', schema: savedSearchHitSchema, collection: 'savedsearchhits' },
  { name: 'FollowList', schema: followListSchema, collection: 'follows' },
  /** Key collection: sector code → the ids of the users who follow it. */
  keyIndexDefinition('SectorFollowers', 'sectorfollowers'),
];
export type SavedSearchListModel = Model<InferSchemaType<typeof savedSearchListSchema>>;
export type SavedSearchHitModel = Model<InferSchemaType<typeof savedSearchHitSchema>>;
export type FollowListModel = Model<InferSchemaType<typeof followListSchema>>;
