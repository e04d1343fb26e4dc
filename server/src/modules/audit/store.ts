import { Types } from 'mongoose';
import { defineStore, findEachById, isDuplicateKey } from '../../platform/db';
import { keyIndex } from '../../platform/keyIndex';
import type { AuditLog, AuditLogModel } from './model';

export interface AuditQuery {
  action?: string;
  actor?: string;
  target?: string;
  from?: string;
  to?: string;
  before?: string;
  beforeId?: string;
  limit: number;
}

/** Every query on the audit log. It only grows: entries are inserted, never changed. */
export const auditStore = defineStore((connection) => {
  const AuditLog = connection.model('AuditLog') as AuditLogModel;
  const byDeal = keyIndex(connection, 'DealAudit');
  return {
    /** Appends an entry; one with a given `_id` that is already there is kept as it was. */
    async insert(entry: Record<string, unknown> & { dealId?: unknown }): Promise<void> {
      const _id = entry._id ? new Types.ObjectId(String(entry._id)) : new Types.ObjectId();
      try {
        await AuditLog.create({ ...entry, _id });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      if (entry.dealId) await byDeal.add(String(entry.dealId), [String(_id)]);
    },
    /** A deal's entries, oldest first (key collection). */
    async forDeal(dealId: unknown): Promise<AuditLog[]> {
      return findEachById<AuditLog>(AuditLog, await byDeal.get(String(dealId)));
    },
    /** scan: the administrators' audit browser, newest first, filtered and paged (an admin tool). */
    scan(q: AuditQuery): Promise<AuditLog[]> {
      const createdAt = {
        ...(q.from ? { $gte: new Date(q.from) } : {}),
        ...(q.to ? { $lt: new Date(new Date(q.to).getTime() + 86_400_000) } : {}),
        ...(q.before && !q.beforeId ? { $lt: new Date(q.before) } : {}),
      };
      const filter = {
        ...(q.action ? { action: q.action } : {}),
        ...(q.actor ? { actorId: q.actor } : {}),
        ...(q.target ? { targetId: q.target } : {}),
        ...(Object.keys(createdAt).length ? { createdAt } : {}),
        // After the last entry shown, in the list's order (newest first, then by id).
        ...(q.before && q.beforeId
          ? {
              $or: [
                { createdAt: { $lt: new Date(q.before) } },
                { createdAt: new Date(q.before), _id: { $lt: new Types.ObjectId(q.beforeId) } },
              ],
            }
          : {}),
      };
      return AuditLog.find(filter).sort({ createdAt: -1, _id: -1 }).limit(q.limit).lean<AuditLog[]>();
    },
  };
});
