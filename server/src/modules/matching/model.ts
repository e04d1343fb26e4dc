import crypto from 'node:crypto';
import { matchStates } from '@techbridge/shared';
import { type InferSchemaType, type Model, Schema, Types } from 'mongoose';
import type { ModelDefinition } from '../../platform/db';
import { keyIndexDefinition } from '../../platform/keyIndex';

/**
 * A scored pairing of a published offer and a published demand, unique per
 * pair, its `_id` derived from the pair (see matchId). `active` is false
 * when either side left publication or the score fell below the threshold;
 * each side keeps its own state. `origin` is the listing whose matching pass
 * created it (a pass announces what it created: see matching/pass.ts).
 */
export const matchSchema = new Schema(
  {
    offerId: { type: Schema.Types.ObjectId, required: true, index: true },
    demandId: { type: Schema.Types.ObjectId, required: true, index: true },
    offerOrgId: { type: Schema.Types.ObjectId, required: true, index: true },
    demandOrgId: { type: Schema.Types.ObjectId, required: true, index: true },
    score: { type: Number, required: true },
    reasons: { type: [Schema.Types.Mixed], default: [] },
    active: { type: Boolean, default: true, index: true },
    offerState: { type: String, enum: matchStates, default: 'new' },
    demandState: { type: String, enum: matchStates, default: 'new' },
    origin: { type: Schema.Types.ObjectId, default: null },
    /** Why each side dismissed it ("Không phù hợp"): { reason, note, at }, or null. */
    offerFeedback: { type: Schema.Types.Mixed, default: null },
    demandFeedback: { type: Schema.Types.Mixed, default: null },
  },
  { timestamps: true, strict: 'throw' },
);
matchSchema.index({ offerId: 1, demandId: 1 }, { unique: true });

/**
 * The `_id` of the match of an offer and a demand, derived from the pair, so
 * that reading or upserting a pair's match is an `_id` lookup: the only
 * filter FerretDB answers without reading the whole collection.
 */
export function matchId(offerId: unknown, demandId: unknown): Types.ObjectId {
  const hash = crypto
    .createHash('sha256')
    .update(`${String(offerId)}:${String(demandId)}`)
    .digest();
  return new Types.ObjectId(hash.subarray(0, 12));
}

export type Match = InferSchemaType<typeof matchSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type MatchModel = Model<InferSchemaType<typeof matchSchema>>;

export const matchingModels: ModelDefinition[] = [
  { name: 'Match', schema: matchSchema },
  /** Key collection: "<type>:<listing id>" → the listing's match ids. */
  keyIndexDefinition('ListingMatches', 'listingmatches'),
  /** Key collection: organisation id → its most recent match ids (both sides). */
  keyIndexDefinition('OrgMatches', 'orgmatches'),
  /** Key collection: organisation id → "<match id>:<reason>" of each match it dismissed with a reason. */
  keyIndexDefinition('MatchFeedback', 'matchfeedback'),
];
