import crypto from 'node:crypto';
import { dealStages } from '@techbridge/shared';
import { type InferSchemaType, type Model, Schema, Types } from 'mongoose';
import type { ModelDefinition } from '../../platform/db';
import { pendingEventsField } from '../../platform/events/pending';
import { keyIndexDefinition } from '../../platform/keyIndex';

const outcomeSchema = new Schema(
  { contractType: String, valueVnd: Number, date: Date, note: String, confirmedAt: { type: Date, default: null } },
  { _id: false },
);
const personSchema = new Schema({ id: Schema.Types.ObjectId, name: String }, { _id: false });
/** A stage change one side proposed; applied once every role in `awaiting` confirmed. */
const pendingSchema = new Schema(
  {
    stage: { type: String, enum: dealStages, required: true },
    note: { type: String, default: null },
    outcome: { type: outcomeSchema, default: null },
    byUserId: { type: Schema.Types.ObjectId, required: true },
    byName: { type: String, required: true },
    byRole: { type: String, enum: ['owner', 'initiator', 'intermediary'], required: true },
    at: { type: Date, required: true },
    awaiting: { type: [String], default: [] },
  },
  { _id: false },
);
/** A structured answer to a demand (deals opened by a proposal). */
const proposalSchema = new Schema(
  {
    approach: { type: String, required: true },
    priceMinVnd: { type: Number, default: null },
    priceMaxVnd: { type: Number, default: null },
    timelineMonths: { type: Number, required: true },
    trl: { type: Number, required: true },
    trlEvidence: { type: String, required: true },
    attachments: {
      type: [{ _id: false, messageId: Schema.Types.ObjectId, name: String, type: { type: String }, size: Number }],
      default: [],
    },
    status: { type: String, enum: ['submitted', 'shortlisted', 'declined'], default: 'submitted' },
    reason: { type: String, default: null },
    submittedAt: { type: Date, required: true },
    decidedAt: { type: Date, default: null },
  },
  { _id: false },
);
/** A broker's introduction of two parties: both accept before the deal goes on. */
const introductionSchema = new Schema(
  {
    byOrgId: { type: Schema.Types.ObjectId, required: true },
    mandateId: { type: String, required: true },
    note: { type: String, required: true },
    accepted: { type: [String], default: [] },
  },
  { _id: false },
);
const storedFileSchema = new Schema(
  { name: String, type: { type: String }, size: Number, storedAs: String },
  { _id: false },
);
/**
 * Access of the counterpart organisation to the deal's offer's confidential
 * details: it accepts the NDA, the offer's owner approves (or grants
 * directly) and may revoke. Kept on the deal, so presenting a deal reads nothing more.
 */
const ndaSchema = new Schema(
  {
    orgId: { type: Schema.Types.ObjectId, default: null },
    status: { type: String, enum: ['none', 'accepted', 'granted', 'revoked'], default: 'none' },
    version: { type: String, default: null },
    at: { type: Date, default: null },
    /** The signed record: who accepted and approved (or granted) which text, when (see ndaRecord.ts). */
    acceptedAt: { type: Date, default: null },
    acceptedBy: { type: personSchema, default: null },
    grantedAt: { type: Date, default: null },
    grantedBy: { type: personSchema, default: null },
    textHash: { type: String, default: null },
  },
  { _id: false },
);

/**
 * A deal between the owner of a listing and the organisation that opened it,
 * optionally with an intermediary. `openKey` makes "one open deal per pair of
 * organisations and listing" unique (see the OpenDeals key collection); a
 * closed deal gets a key of its own.
 */
export const dealSchema = new Schema(
  {
    listingType: { type: String, enum: ['offer', 'demand'], required: true },
    listingId: { type: Schema.Types.ObjectId, required: true },
    offerId: { type: Schema.Types.ObjectId, default: null, index: true },
    demandId: { type: Schema.Types.ObjectId, default: null },
    matchId: { type: Schema.Types.ObjectId, default: null },
    ownerOrgId: { type: Schema.Types.ObjectId, required: true, index: true },
    initiatorOrgId: { type: Schema.Types.ObjectId, required: true, index: true },
    intermediaryOrgId: { type: Schema.Types.ObjectId, default: null, index: true },
    openKey: { type: String, required: true, unique: true },
    stage: { type: String, enum: dealStages, default: 'interest' },
    history: {
      type: [
        {
          _id: false,
          stage: { type: String, required: true },
          at: { type: Date, required: true },
          byUserId: { type: Schema.Types.ObjectId, required: true },
          byName: { type: String, required: true },
          note: { type: String },
        },
      ],
      default: [],
    },
    outcome: { type: outcomeSchema, default: null },
    pending: { type: pendingSchema, default: null },
    proposal: { type: proposalSchema, default: null },
    introduction: { type: introductionSchema, default: null },
    /** The last requests applied, by "<user>:<idempotency key>": a retried request changes nothing twice. */
    requestKeys: { type: [String], default: [] },
    nda: { type: ndaSchema, default: () => ({}) },
    /** Last message sequence number handed out (messages are numbered 1, 2, 3… per deal). */
    lastSeq: { type: Number, default: 0 },
    lastMessageAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    ...pendingEventsField,
  },
  { timestamps: true, strict: 'throw' },
);

/** A message; its `_id` is derived from its deal and sequence number (see messageId). */
export const messageSchema = new Schema(
  {
    dealId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    senderId: { type: Schema.Types.ObjectId, required: true },
    senderName: { type: String, required: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    orgName: { type: String, required: true },
    body: { type: String, default: '' },
    clientId: { type: String, required: true },
    attachment: { type: storedFileSchema, default: null },
    ...pendingEventsField,
  },
  { timestamps: true, strict: 'throw' },
);
messageSchema.index({ dealId: 1, seq: 1 }, { unique: true });
messageSchema.index({ dealId: 1, senderId: 1, clientId: 1 }, { unique: true });

/** How far a member has read a deal (read receipts and unread counts); `_id` is "<deal id>:<user id>". */
export const dealReadSchema = new Schema(
  {
    _id: { type: String, required: true },
    seq: { type: Number, default: 0 },
  },
  { timestamps: true, strict: 'throw', versionKey: false },
);

const derivedId = (key: string) => new Types.ObjectId(crypto.createHash('sha256').update(key).digest().subarray(0, 12));

/** The `_id` of a deal's message number `seq`: reading a page of messages is a few `_id` lookups. */
export const messageId = (dealId: unknown, seq: number) => derivedId(`message:${dealId}:${seq}`);

export type Deal = InferSchemaType<typeof dealSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type Message = InferSchemaType<typeof messageSchema> & { _id: Types.ObjectId; createdAt: Date };
export type DealModel = Model<InferSchemaType<typeof dealSchema>>;
export type MessageModel = Model<InferSchemaType<typeof messageSchema>>;
export type DealReadModel = Model<InferSchemaType<typeof dealReadSchema>>;
export type NdaStatus = 'none' | 'accepted' | 'granted' | 'revoked';

export const dealModels: ModelDefinition[] = [
  { name: 'Deal', schema: dealSchema },
  { name: 'Message', schema: messageSchema },
  { name: 'DealRead', schema: dealReadSchema, collection: 'dealreads' },
  /** Key collection: organisation id → the deals it takes part in (any role). */
  keyIndexDefinition('OrgDeals', 'orgdeals'),
  /** Key collection: a deal's open key ("<type>:<listing>:<initiator organisation>") → the open deal. */
  keyIndexDefinition('OpenDeals', 'opendeals'),
  /** Key collection: "<offer id>:<organisation id>" → deals in which the organisation was granted access. */
  keyIndexDefinition('NdaGrants', 'ndagrants'),
  /** Key collection: "<deal>:<sender>:<client id>" → the sequence number of that message (retries are idempotent). */
  keyIndexDefinition('MessageKeys', 'messagekeys'),
  /** Key collection: demand id → the deals that answer it with a proposal (the owner compares them). */
  keyIndexDefinition('DemandProposals', 'demandproposals'),
];
