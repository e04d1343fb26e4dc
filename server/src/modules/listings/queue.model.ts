import { type InferSchemaType, type Model, Schema } from 'mongoose';

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
