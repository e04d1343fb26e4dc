import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';
import type { ModelDefinition } from '../../platform/db';
import { keyIndexDefinition } from '../../platform/keyIndex';

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

export type AuditLog = InferSchemaType<typeof auditLogSchema> & { _id: Types.ObjectId; createdAt: Date };
export type AuditLogModel = Model<InferSchemaType<typeof auditLogSchema>>;

export const auditModels: ModelDefinition[] = [
  { name: 'AuditLog', schema: auditLogSchema },
  /** Key collection: deal id → its audit entries, oldest first. */
  keyIndexDefinition('DealAudit', 'dealaudit'),
];
