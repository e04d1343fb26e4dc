import type { AppContext } from '../../../context';
import { badRequest, notFound } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import { accountStore } from '../../accounts/store';
import { revokeAllForUser } from '../../accounts/tokens';
import { audit } from '../../audit/record';
import { organizationStore } from '../../organizations/store';

/**
 * Suspends or reactivates a user: a suspended user's tokens stop working at
 * once (every request reloads the user), their sessions end and their
 * sockets close. The status change carries its event, whose processors take
 * the listings they wrote out of search and matching (or bring them back).
 */
export async function setUserStatus(
  ctx: AppContext,
  admin: AuthUser,
  userId: string,
  suspend: boolean,
  reason?: string,
): Promise<void> {
  const accounts = accountStore(ctx.db);
  const user = await accounts.findUser(userId);
  if (!user) throw notFound('User not found');
  if (user.role === 'admin' && suspend)
    throw badRequest('Administrators cannot be suspended here', { id: 'invalid_type' });
  const status = suspend ? 'suspended' : 'active';
  const events = [ctx.events.create('user.status_changed', { userId, status })];
  await accounts.setStatus(userId, status, events);
  if (suspend) {
    await revokeAllForUser(ctx.db, userId);
    ctx.realtime.disconnectUser(userId);
  }
  await ctx.events.relay(accounts.users, userId, events);
  await audit(ctx.db, {
    action: suspend ? 'user.suspended' : 'user.reactivated',
    actor: admin,
    targetType: 'user',
    targetId: user._id,
    details: { email: user.email, ...(reason ? { reason } : {}) },
  });
}

/** Suspends or reactivates an organisation: all its members as above, and all its listings (by its event's processors). */
export async function setOrganizationStatus(
  ctx: AppContext,
  admin: AuthUser,
  orgId: string,
  suspend: boolean,
  reason?: string,
): Promise<void> {
  const orgs = organizationStore(ctx.db);
  const org = await orgs.findById(orgId);
  if (!org) throw notFound('Organisation not found');
  const status = suspend ? 'suspended' : 'active';
  const events = [ctx.events.create('organization.status_changed', { organizationId: orgId, status })];
  await orgs.setStatus(orgId, status, events);
  if (suspend) {
    for (const memberId of await orgs.memberIds(orgId)) await revokeAllForUser(ctx.db, memberId);
    ctx.realtime.disconnectOrg(orgId);
  }
  await ctx.events.relay(orgs.organizations, orgId, events);
  await audit(ctx.db, {
    action: suspend ? 'organization.suspended' : 'organization.reactivated',
    actor: admin,
    targetType: 'organization',
    targetId: org._id,
    details: { name: org.name, ...(reason ? { reason } : {}) },
  });
}
