import type { AuthUser } from '../../platform/principal';

export type OrgRole = 'owner' | 'admin' | 'member';

/**
 * What each role of an organisation may do with its team. Listings, deals
 * and matches are the organisation's: every member works with them alike
 * (see README, "Organisation teams").
 * - owner (one): everything below, changes roles, transfers ownership, asks for verification;
 * - admin: invites members and removes members (not admins or the owner);
 * - member: sees the team, leaves it.
 */
export const canManageTeam = (user: Pick<AuthUser, 'orgRole'>) => user.orgRole === 'owner' || user.orgRole === 'admin';

export const canInviteAs = (user: Pick<AuthUser, 'orgRole'>, role: 'admin' | 'member') =>
  user.orgRole === 'owner' || (user.orgRole === 'admin' && role === 'member');

export const canChangeRoles = (user: Pick<AuthUser, 'orgRole'>) => user.orgRole === 'owner';

/** Removing someone from the team (oneself: leaving). The owner leaves only after handing ownership over. */
export function canRemove(actor: Pick<AuthUser, 'id' | 'orgRole'>, target: { id: string; orgRole: OrgRole }): boolean {
  if (target.orgRole === 'owner') return false;
  if (actor.id === target.id) return true;
  if (actor.orgRole === 'owner') return true;
  return actor.orgRole === 'admin' && target.orgRole === 'member';
}
