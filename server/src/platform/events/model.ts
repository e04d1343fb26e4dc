import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';

/**
 * The domain-event outbox. A write records an event; the events module claims
 * it (several instances may run), delivers it, and deletes it.
 */
export const eventSchema = new Schema(
  {
    type: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    processedAt: { type: Date, default: null, index: true },
    claimedAt: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
  },
  { timestamps: true, strict: 'throw', minimize: false },
);

export type DomainEvent = InferSchemaType<typeof eventSchema> & { _id: Types.ObjectId; createdAt: Date };
export type EventModel = Model<InferSchemaType<typeof eventSchema>>;
