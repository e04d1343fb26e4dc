import crypto from 'node:crypto';
import type { AssignableRole, InviteInput } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { keyedMutex } from '../../../platform/lib/keyedMutex';
import { composeMail } from '../../../platform/mail/render';
import type { AuthUser } from '../../../platform/principal';
import type { User } from '../../accounts/model';
import { accountStore } from '../../accounts/store';
import { invitationMail } from '../mails';
import type { Invitation } from '../model';
import { canChangeRoles, canInviteAs, canManageTeam, canRemove, type OrgRole } from '../policy';
import { organizationStore } from '../store';

export const INVITATION_LIFETIME_MS = 7 * 86_400_000;

/** Team changes of one organisation one at a time (one owner, always). */
export const perTeam = keyedMutex();

const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest();

/** The caller's organisation id, or a 403 for someone outside any organisation. */
export function teamOf(user: AuthUser): string {
  if (!user.organizationId) throw forbidden('You do not belong to an organisation');
  return user.organizationId;
}

/** The organisation's members (its key collection, then each user by `_id`), owner first. */
export async function membersOfTeam(ctx: AppContext, orgId: string): Promise<User[]> {
  const ids = await organizationStore(ctx.db).memberIds(orgId);
  const rank: Record<string, number> = { owner: 0, admin: 1, member: 2 };
  return (await accountStore(ctx.db).findUsers(ids))
    .filter((u) => String(u.organizationId) === orgId)
    .sort(
      (a, b) => (rank[a.orgRole ?? 'member'] ?? 2) - (rank[b.orgRole ?? 'member'] ?? 2) || a.name.localeCompare(b.name),
    );
}

async function memberOf(ctx: AppContext, orgId: string, userId: string): Promise<User> {
  const member = await accountStore(ctx.db).findUser(userId);
  if (!member || String(member.organizationId) !== orgId) throw notFound('No such member of your organisation');
  return member;
}

/** Invites an address to the team by mail (owner: any role; admin: members). */
export async function invite(ctx: AppContext, user: AuthUser, input: InviteInput): Promise<Invitation> {
  const orgId = teamOf(user);
  if (!canInviteAs(user, input.role))
    throw forbidden(canManageTeam(user) ? 'Only the owner can invite admins' : 'Only the owner and admins can invite');
  const accounts = accountStore(ctx.db);
  const existing = await accounts.findUserByEmail(input.email);
  if (existing && String(existing.organizationId) === orgId)
    throw conflict('This person is already a member of your organisation', { email: 'already_member' });
  const store = organizationStore(ctx.db);
  const org = await store.findById(orgId);
  if (!org) throw notFound('Organisation not found');
  const _id = store.newInvitationId();
  const token = `${_id.toHexString()}.${crypto.randomBytes(32).toString('base64url')}`;
  const invitation = await store.createInvitation({
    _id,
    organizationId: org._id,
    email: input.email,
    role: input.role,
    invitedBy: user.id as never,
    invitedByName: user.name,
    tokenHash: sha256(token).toString('hex'),
    expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
  });
  const inviter = await accounts.findUser(user.id);
  const lang = (existing?.locale ?? inviter?.locale) === 'en' ? 'en' : 'vi';
  const link = `${ctx.config.publicUrl}/invitation?token=${encodeURIComponent(token)}`;
  const content = invitationMail(lang, { organization: org.name, inviter: user.name, role: input.role, link });
  await ctx.mail.enqueue(await composeMail(`invitation:${_id}`, input.email, content, { awaited: true }));
  return invitation;
}

/** The organisation's outstanding invitations (owner and admins). */
export async function invitationsOfTeam(ctx: AppContext, user: AuthUser): Promise<Invitation[]> {
  const orgId = teamOf(user);
  if (!canManageTeam(user)) throw forbidden('Only the owner and admins see invitations');
  const now = Date.now();
  return (await organizationStore(ctx.db).invitationsOf(orgId))
    .filter((i) => i.expiresAt.getTime() > now)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export async function revokeInvitation(ctx: AppContext, user: AuthUser, id: string): Promise<void> {
  const orgId = teamOf(user);
  const store = organizationStore(ctx.db);
  const invitation = await store.findInvitation(id);
  if (!invitation || String(invitation.organizationId) !== orgId) throw notFound('Invitation not found');
  if (!canManageTeam(user)) throw forbidden('Only the owner and admins can revoke invitations');
  await store.removeInvitation(invitation);
}

/** Changes a member's role between admin and member (owner only; ownership moves by transfer). */
export function setRole(ctx: AppContext, user: AuthUser, memberId: string, role: AssignableRole): Promise<User> {
  const orgId = teamOf(user);
  return perTeam(orgId, async () => {
    const member = await memberOf(ctx, orgId, memberId);
    if (!canChangeRoles(user)) throw forbidden('Only the owner changes roles');
    if (member.orgRole === 'owner') throw conflict('The owner’s role changes by transferring ownership');
    return (await accountStore(ctx.db).setFields(member._id, { orgRole: role }))!;
  });
}

/** Takes someone off the team (or oneself: leaving); they keep their account, without an organisation. */
export function removeMember(ctx: AppContext, user: AuthUser, memberId: string): Promise<void> {
  const orgId = teamOf(user);
  return perTeam(orgId, async () => {
    const member = await memberOf(ctx, orgId, memberId);
    const target = { id: String(member._id), orgRole: (member.orgRole ?? 'member') as OrgRole };
    if (!canRemove(user, target))
      throw target.orgRole === 'owner'
        ? conflict('The owner leaves only after transferring ownership')
        : forbidden('You cannot remove this member');
    await leaveTeam(ctx, member);
  });
}

/** Takes a user out of their organisation (its member key and their own fields). */
export async function leaveTeam(ctx: AppContext, member: Pick<User, '_id' | 'organizationId'>): Promise<void> {
  await accountStore(ctx.db).setFields(member._id, { organizationId: null, orgRole: null });
  if (member.organizationId) await organizationStore(ctx.db).removeMember(member.organizationId, member._id);
}

/** Hands ownership to another member; the previous owner stays as an admin. */
export function transferOwnership(ctx: AppContext, user: AuthUser, memberId: string): Promise<User> {
  const orgId = teamOf(user);
  return perTeam(orgId, async () => {
    if (user.orgRole !== 'owner') throw forbidden('Only the owner can transfer ownership');
    const member = await memberOf(ctx, orgId, memberId);
    if (String(member._id) === user.id) throw conflict('You are the owner already');
    const accounts = accountStore(ctx.db);
    const next = (await accounts.setFields(member._id, { orgRole: 'owner' }))!;
    await accounts.setFields(user.id, { orgRole: 'admin' });
    return next;
  });
}
