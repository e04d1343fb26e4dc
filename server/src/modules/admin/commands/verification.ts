import type { AppContext } from '../../../context';
import { notFound } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import { audit } from '../../audit/record';
import { publishPendingOf } from '../../listings/commands/publishPendingOf';
import type { Organization, Verification } from '../../organizations/model';
import { organizationStore } from '../../organizations/store';

/**
 * An administrator decides a verification request. The decision carries its
 * event (the organisation's members hear of it); approval verifies the
 * organisation and releases the listings that were waiting for it.
 */
export async function decideVerification(
  ctx: AppContext,
  admin: AuthUser,
  id: string,
  decision: 'approve' | 'reject',
  reason?: string,
): Promise<Verification> {
  const orgs = organizationStore(ctx.db);
  const current = await orgs.findVerification(id);
  if (current?.status !== 'pending') throw notFound('No pending verification request with this id');
  const organizationId = String(current.organizationId);
  const status = decision === 'approve' ? 'approved' : 'rejected';
  const events = [
    ctx.events.create('organization.verification_decided', {
      organizationId,
      verificationId: id,
      decision: status,
      ...(reason ? { reason } : {}),
    }),
  ];
  const request = await orgs.decideVerification(id, { status, reason: reason ?? null, decidedBy: admin.id }, events);
  if (!request) throw notFound('No pending verification request with this id');
  if (decision === 'approve') await setVerified(ctx, admin, organizationId, true, false);
  await ctx.events.relay(orgs.verifications, id, events);
  await audit(ctx.db, {
    action: decision === 'approve' ? 'verification.approved' : 'verification.rejected',
    actor: admin,
    targetType: 'organization',
    targetId: request.organizationId,
    details: { verificationId: id, ...(reason ? { reason } : {}) },
  });
  return request;
}

/** Sets whether an organisation is verified; verification releases the listings that were waiting for it. */
export async function setVerified(
  ctx: AppContext,
  admin: AuthUser,
  orgId: string,
  verified: boolean,
  audited = true,
): Promise<Organization> {
  const org = await organizationStore(ctx.db).setVerified(orgId, verified);
  if (!org) throw notFound('Organisation not found');
  if (verified) await publishPendingOf(ctx, orgId);
  if (audited)
    await audit(ctx.db, {
      action: verified ? 'organization.verified' : 'organization.unverified',
      actor: admin,
      targetType: 'organization',
      targetId: org._id,
      details: { name: org.name },
    });
  return org;
}
