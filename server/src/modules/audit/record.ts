import type { AppContext } from '../../context';
import type { AuthUser } from '../accounts/passport';

/** Appends to the audit log. There is no update or delete anywhere: the log only grows. */
export async function audit(
  ctx: AppContext,
  entry: {
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
  const org = entry.actor?.organizationId
    ? await ctx.db.models.Organization.findById(entry.actor.organizationId, { name: 1 }).lean()
    : null;
  await ctx.db.models.AuditLog.create({
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
