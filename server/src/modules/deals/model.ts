import { dealStages } from '@techbridge/shared';
import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';

const outcomeSchema = new Schema({ contractType: String, valueVnd: Number, date: Date, note: String }, { _id: false });
const storedFileSchema = new Schema(
  { name: String, type: { type: String }, size: Number, storedAs: String },
  { _id: false },
);

/**
 * A deal between the owner of a listing and the organisation that opened it,
 * optionally with an intermediary. `openKey` makes "one open deal per pair of
 * organisations and listing" a unique index; a closed deal gets a key of its own.
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
    /** Last message sequence number handed out (messages are numbered 1, 2, 3… per deal). */
    lastSeq: { type: Number, default: 0 },
    lastMessageAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw' },
);

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
  },
  { timestamps: true, strict: 'throw' },
);
messageSchema.index({ dealId: 1, seq: 1 }, { unique: true });
messageSchema.index({ dealId: 1, senderId: 1, clientId: 1 }, { unique: true });

/** How far each member has read each deal (read receipts and unread counts). */
export const dealReadSchema = new Schema(
  {
    dealId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, default: 0 },
  },
  { timestamps: true, strict: 'throw' },
);
dealReadSchema.index({ dealId: 1, userId: 1 }, { unique: true });

/** Access of a counterpart organisation to an offer's confidential details, per deal. */
export const ndaAccessSchema = new Schema(
  {
    dealId: { type: Schema.Types.ObjectId, required: true },
    offerId: { type: Schema.Types.ObjectId, required: true, index: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: ['accepted', 'granted', 'revoked'], required: true },
    version: { type: String, default: null },
  },
  { timestamps: true, strict: 'throw' },
);
ndaAccessSchema.index({ dealId: 1, orgId: 1 }, { unique: true });

/**
 * The append-only audit log: NDA acceptances and grants, administrative acts.
 * Entries are only ever inserted; no code path updates or deletes them.
 */
export const auditLogSchema = new Schema(
  {
    action: { type: String, required: true, index: true },
    actorId: { type: Schema.Types.ObjectId, default: null },
    actorName: { type: String, default: null },
    orgId: { type: Schema.Types.ObjectId, default: null },
    orgName: { type: String, default: null },
    targetType: { type: String, required: true },
    targetId: { type: Schema.Types.ObjectId, required: true, index: true },
    dealId: { type: Schema.Types.ObjectId, default: null, index: true },
    ip: { type: String, default: null },
    version: { type: String, default: null },
    details: { type: Schema.Types.Mixed, default: {} },
  },
  { timestamps: { createdAt: true, updatedAt: false }, strict: 'throw', minimize: false },
);

export type Deal = InferSchemaType<typeof dealSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type Message = InferSchemaType<typeof messageSchema> & { _id: Types.ObjectId; createdAt: Date };
export type NdaAccess = InferSchemaType<typeof ndaAccessSchema> & { _id: Types.ObjectId };
export type AuditLog = InferSchemaType<typeof auditLogSchema> & { _id: Types.ObjectId; createdAt: Date };
export type DealModel = Model<InferSchemaType<typeof dealSchema>>;
export type MessageModel = Model<InferSchemaType<typeof messageSchema>>;
export type DealReadModel = Model<InferSchemaType<typeof dealReadSchema>>;
export type NdaAccessModel = Model<InferSchemaType<typeof ndaAccessSchema>>;
export type AuditLogModel = Model<InferSchemaType<typeof auditLogSchema>>;
