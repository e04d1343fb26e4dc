import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';
import type { ModelDefinition } from '../../platform/db';
import { pendingEventsField } from '../../platform/events/pending';

/**
 * The search outbox of bulk writes. An import records a job naming the
 * listings of a batch *before* it writes them without a dirty flag, pushes
 * them to the index itself, and deletes the job; a job left behind by a
 * crash or an index outage is taken over by the search sync once stale.
 */
export const indexJobSchema = new Schema(
  {
    type: { type: String, enum: ['offer', 'demand'], required: true },
    listingIds: { type: [String], required: true },
    ...pendingEventsField,
  },
  { timestamps: true, strict: 'throw' },
);

export type IndexJob = InferSchemaType<typeof indexJobSchema> & { _id: Types.ObjectId; createdAt: Date };
export type IndexJobModel = Model<InferSchemaType<typeof indexJobSchema>>;

export const searchModels: ModelDefinition[] = [{ name: 'IndexJob', schema: indexJobSchema }];
