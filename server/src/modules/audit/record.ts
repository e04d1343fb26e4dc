import type { Db } from '../../platform/db';
import type { AuthUser } from '../../platform/principal';
import { organizationStore } from '../organizations/store';
import { auditStore } from './store';

/** Appends to the audit log. There is no update or delete anywhere: the log only grows. */
export async function audit(
  db: Db,
  entry: {
    /** A derived id (an event's): recording the same act twice stores it once. */
    id?: string;
    action: string;
    actor: AuthUser | null;
    targetType: string;
    targetId: unknown;
    dealId?: unknown;
    ip?: string | null;
    version?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const org = entry.actor?.organizationId ? await organizationStore(db).findById(entry.actor.organizationId) : null;
  await auditStore(db).insert({
    ...(entry.id ? { _id: entry.id } : {}),
    action: entry.action,
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.name ?? null,
    orgId: entry.actor?.organizationId ?? null,
    orgName: org?.name ?? null,
    targetType: entry.targetType,
    targetId: entry.targetId,
    dealId: entry.dealId ?? null,
    ip: entry.ip ?? null,
    version: entry.version ?? null,
    details: entry.details ?? {},
  });
}
