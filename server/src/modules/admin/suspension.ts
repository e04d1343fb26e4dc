import { listingTypes } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { badRequest, notFound } from '../../platform/errors';
import type { AuthUser } from '../accounts/passport';
import { revokeAllForUser } from '../accounts/tokens';
import { audit } from '../audit/record';
import { enqueue } from '../listings/queue';
import { listingModel } from '../listings/service';

const dirty = { $set: { searchDirty: true, matchDirty: true }, $inc: { rev: 1 } };

/** Re-projects listings after a status change of their organisation or author (they leave or rejoin search). */
async function touchListings(ctx: AppContext, filter: Record<string, unknown>): Promise<void> {
  for (const type of listingTypes) {
    const model = listingModel(ctx.db.models, type);
    const ids = (await model.find(filter, { _id: 1 }).lean()).map((l) => l._id);
    await model.updateMany({ _id: { $in: ids } }, dirty);
    await enqueue(ctx.db.models, ['searchDirty', 'matchDirty'], type, ids);
  }
  ctx.searchSync.notify();
  ctx.matcher.notify();
}

/**
 * Suspends or reactivates a user: a suspended user's tokens stop working at
 * once (every request reloads the user), their sessions end, their sockets
 * close, and the listings they wrote leave search.
 */
export async function setUserStatus(
  ctx: AppContext,
  admin: AuthUser,
  userId: string,
  suspend: boolean,
  reason?: string,
) {
  const user = await ctx.db.models.User.findById(userId).lean();
  if (!user) throw notFound('User not found');
  if (user.role === 'admin' && suspend)
    throw badRequest('Administrators cannot be suspended here', { id: 'invalid_type' });
  await ctx.db.models.User.updateOne({ _id: userId }, { $set: { status: suspend ? 'suspended' : 'active' } });
  if (suspend) {
    await revokeAllForUser(ctx.db.models, userId);
    ctx.realtime.disconnectUser(userId);
  }
  await touchListings(ctx, { authorId: user._id });
  await audit(ctx, {
    action: suspend ? 'user.suspended' : 'user.reactivated',
    actor: admin,
    targetType: 'user',
    targetId: user._id,
    details: { email: user.email, ...(reason ? { reason } : {}) },
  });
}

/** Suspends or reactivates an organisation: all its members as above, and all its listings. */
export async function setOrganizationStatus(
  ctx: AppContext,
  admin: AuthUser,
  orgId: string,
  suspend: boolean,
  reason?: string,
) {
  const org = await ctx.db.models.Organization.findById(orgId).lean();
  if (!org) throw notFound('Organisation not found');
  await ctx.db.models.Organization.updateOne({ _id: orgId }, { $set: { status: suspend ? 'suspended' : 'active' } });
  if (suspend) {
    const members = await ctx.db.models.User.find({ organizationId: orgId }, { _id: 1 }).lean();
    for (const m of members) await revokeAllForUser(ctx.db.models, m._id);
    ctx.realtime.disconnectOrg(orgId);
  }
  await touchListings(ctx, { organizationId: org._id });
  await audit(ctx, {
    action: suspend ? 'organization.suspended' : 'organization.reactivated',
    actor: admin,
    targetType: 'organization',
    targetId: org._id,
    details: { name: org.name, ...(reason ? { reason } : {}) },
  });
}
