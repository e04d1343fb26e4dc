import { inviteSchema, memberRoleSchema, transferOwnershipSchema } from '@techbridge/shared';
import { route } from '../../context';
import {
  invitationsOfTeam,
  invite,
  membersOfTeam,
  removeMember,
  revokeInvitation,
  setRole,
  teamOf,
  transferOwnership,
} from './commands/team';
import { presentInvitation, presentMember } from './presenter';

/** The caller's organisation's team: members and roles, invitations, ownership. */
export const teamRoutes = [
  route({
    method: 'get',
    path: '/organizations/me/members',
    tag: 'Organizations',
    summary: "The members of the caller's organisation with their roles (owner first)",
    access: 'user',
    responses: { 200: 'The members' },
    errors: [403],
    async handler({ ctx, user }) {
      return { data: (await membersOfTeam(ctx, teamOf(user))).map(presentMember) };
    },
  }),
  route({
    method: 'patch',
    path: '/organizations/me/members/:userId',
    tag: 'Organizations',
    summary: "Change a member's role between admin and member (owner only)",
    access: 'user',
    body: memberRoleSchema,
    responses: { 200: 'The member' },
    errors: [403, 404, 409],
    async handler({ ctx, user, params, body }) {
      return { data: presentMember(await setRole(ctx, user, params.userId, body.role)) };
    },
  }),
  route({
    method: 'delete',
    path: '/organizations/me/members/:userId',
    tag: 'Organizations',
    summary: 'Remove a member (owner: anyone but themselves; admin: members; anyone: themselves, i.e. leave)',
    access: 'user',
    responses: { 204: 'Removed' },
    responseShape: 'none',
    errors: [403, 404, 409],
    async handler({ ctx, user, params, res }) {
      await removeMember(ctx, user, params.userId);
      res.status(204).end();
    },
  }),
  route({
    method: 'post',
    path: '/organizations/me/owner',
    tag: 'Organizations',
    summary: 'Hand ownership to another member (owner only); the previous owner becomes an admin',
    access: 'user',
    body: transferOwnershipSchema,
    responses: { 200: 'The new owner' },
    errors: [403, 404, 409],
    async handler({ ctx, user, body }) {
      return { data: presentMember(await transferOwnership(ctx, user, body.userId)) };
    },
  }),
  route({
    method: 'get',
    path: '/organizations/me/invitations',
    tag: 'Organizations',
    summary: 'Outstanding invitations of the caller’s organisation (owner and admins)',
    access: 'user',
    responses: { 200: 'The invitations, newest first' },
    errors: [403],
    async handler({ ctx, user }) {
      return { data: (await invitationsOfTeam(ctx, user)).map(presentInvitation) };
    },
  }),
  route({
    method: 'post',
    path: '/organizations/me/invitations',
    tag: 'Organizations',
    summary: 'Invite a colleague by e-mail (owner: admin or member; admin: member); the link is valid 7 days',
    access: 'user',
    rateLimit: 'mail',
    body: inviteSchema,
    responses: { 201: 'The invitation (mailed)' },
    errors: [403, 409, 429],
    async handler({ ctx, user, body, res }) {
      const created = await invite(ctx, user, body);
      res.status(201);
      return { data: presentInvitation(created) };
    },
  }),
  route({
    method: 'delete',
    path: '/organizations/me/invitations/:id',
    tag: 'Organizations',
    summary: 'Revoke an invitation (its link stops working)',
    access: 'user',
    responses: { 204: 'Revoked' },
    responseShape: 'none',
    errors: [403, 404],
    async handler({ ctx, user, params, res }) {
      await revokeInvitation(ctx, user, params.id);
      res.status(204).end();
    },
  }),
];
