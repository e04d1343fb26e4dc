import { acceptInvitationSchema, verifyEmailSchema } from '@techbridge/shared';
import { route } from '../../context';
import { requestLang } from '../../platform/http/middleware/lang';
import { loadActiveUser } from '../accounts/passport';
import { presentUser } from '../accounts/presenter';
import { startSession } from '../accounts/session';
import { acceptInvitation, previewInvitation } from './commands/acceptInvitation';
import { presentOrganization } from './presenter';

/** The invitation link's page: what it invites to, and accepting it (signed in, or creating the account). */
export const invitationRoutes = [
  route({
    method: 'post',
    path: '/invitations/preview',
    tag: 'Organizations',
    summary: 'What an invitation link invites to (organisation, role, whether the address has an account)',
    access: 'public',
    body: verifyEmailSchema,
    responses: { 200: 'The invitation' },
    async handler({ ctx, body }) {
      return { data: await previewInvitation(ctx, body.token) };
    },
  }),
  route({
    method: 'post',
    path: '/invitations/accept',
    tag: 'Organizations',
    summary:
      'Accept an invitation: signed in with the invited address, join the team; otherwise create the account (name and password) and sign in',
    access: 'optional',
    rateLimit: 'register',
    body: acceptInvitationSchema,
    responses: { 200: 'Joined: the user and organisation', 201: 'Account created and signed in (access token)' },
    responseShape: 'json',
    errors: [403, 409],
    async handler({ ctx, user, body, req, res }) {
      const result = await acceptInvitation(ctx, user, body, requestLang(req));
      const payload = { user: presentUser(result.user), organization: presentOrganization(result.organization) };
      if (!result.created) return payload;
      const principal = await loadActiveUser(ctx.db, String(result.user._id));
      res.status(201);
      return { accessToken: principal ? await startSession(ctx, req, res, principal) : null, ...payload };
    },
  }),
];
