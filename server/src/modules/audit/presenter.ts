import type { AuditLog } from './model';

/** An audit entry as administrators see it (with the address) and as a deal's parties see it. */
export function presentAuditEntry(e: AuditLog) {
  return {
    id: String(e._id),
    action: e.action,
    actor: e.actorId ? { id: String(e.actorId), name: e.actorName ?? '' } : null,
    organization: e.orgId ? { id: String(e.orgId), name: e.orgName ?? '' } : null,
    targetType: e.targetType,
    targetId: String(e.targetId),
    dealId: e.dealId ? String(e.dealId) : null,
    at: new Date(e.createdAt).toISOString(),
    ip: e.ip ?? null,
    version: e.version ?? null,
    details: (e.details ?? {}) as Record<string, unknown>,
  };
}
