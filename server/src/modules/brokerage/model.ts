import crypto from 'node:crypto';
import { type InferSchemaType, type Model, Schema, Types } from 'mongoose';
import type { ModelDefinition } from '../../platform/db';
import { pendingEventsField } from '../../platform/events/pending';
import { keyIndexDefinition } from '../../platform/keyIndex';

/**
 * A broker's mandate from a client organisation: asked for by the
 * intermediary, accepted (or declined) by the client, ended by either. Its
 * `_id` is derived from the pair, so there is one per broker and client and
 * it is found without a query (see mandateId).
 */
export const mandateSchema = new Schema(
  {
    brokerOrgId: { type: Schema.Types.ObjectId, required: true },
    clientOrgId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: ['requested', 'active', 'declined', 'ended'], required: true },
    message: { type: String, default: null },
    commission: {
      type: new Schema(
        {
          percent: { type: Number, default: null },
          fixedVnd: { type: Number, default: null },
          note: { type: String, default: null },
        },
        { _id: false },
      ),
      default: () => ({}),
    },
    requestedBy: { type: Schema.Types.ObjectId, required: true },
    requestedAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: null },
    endedAt: { type: Date, default: null },
    ...pendingEventsField,
  },
  { timestamps: true, strict: 'throw' },
);

export const mandateId = (brokerOrgId: unknown, clientOrgId: unknown) =>
  new Types.ObjectId(
    crypto.createHash('sha256').update(`mandate:${brokerOrgId}:${clientOrgId}`).digest().subarray(0, 12),
  );

export type Mandate = InferSchemaType<typeof mandateSchema> & { _id: Types.ObjectId; createdAt: Date };
export type MandateModel = Model<InferSchemaType<typeof mandateSchema>>;

export const brokerageModels: ModelDefinition[] = [
  { name: 'Mandate', schema: mandateSchema },
  /** Key collection: organisation id → the mandates it gives or holds. */
  keyIndexDefinition('OrgMandates', 'orgmandates'),
];
