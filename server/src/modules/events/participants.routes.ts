import { participantRegisterSchema } from '@techbridge/shared';
import { route } from '../../context';
import { forbidden } from '../../platform/errors';
import { registerParticipant } from './commands/registerParticipant';
import { withdrawParticipant } from './commands/withdrawParticipant';
import { presentParticipant } from './presenter';
import { eventStore } from './store';
import { suggestionsFor } from './suggestions';
import { loadReadableEvent, orgNames } from './view';

/** Registrations and the exhibitor catalogue; meeting suggestions from the booths' matches. */
export const participantRoutes = [
  route({
    method: 'get',
    path: '/events/:id/participants',
    tag: 'Events',
    summary: 'The exhibitor catalogue: registered organisations and the listings at their booths',
    access: 'optional',
    responses: { 200: 'The participants, by booth number' },
    async handler({ ctx, user, params }) {
      const event = await loadReadableEvent(ctx, params.id, user);
      const participants = (await eventStore(ctx.db).participantsOf(event._id)).sort((a, b) => a.booth - b.booth);
      const orgs = await orgNames(
        ctx,
        participants.map((p) => p.organizationId),
      );
      return { data: participants.map((p) => presentParticipant(p, orgs)) };
    },
  }),
  route({
    method: 'post',
    path: '/events/:id/participants',
    tag: 'Events',
    summary:
      'Register my (verified) organisation, its booth being its own published listings; or change its registration',
    access: 'user',
    body: participantRegisterSchema,
    responses: { 200: 'The changed registration', 201: 'The registration' },
    errors: [403, 409],
    async handler({ ctx, user, params, body, res }) {
      const event = await loadReadableEvent(ctx, params.id, user);
      const { participant, created } = await registerParticipant(ctx, user, event, body);
      res.status(created ? 201 : 200);
      return { data: presentParticipant(participant, await orgNames(ctx, [participant.organizationId])) };
    },
  }),
  route({
    method: 'delete',
    path: '/events/:id/participants',
    tag: 'Events',
    summary: 'Withdraw my organisation (its meetings not yet held are cancelled)',
    access: 'user',
    responses: { 204: 'Withdrawn' },
    responseShape: 'none',
    errors: [403, 409],
    async handler({ ctx, user, params, res }) {
      const event = await loadReadableEvent(ctx, params.id, user);
      await withdrawParticipant(ctx, user, event);
      res.status(204).end();
    },
  }),
  route({
    method: 'get',
    path: '/events/:id/suggestions',
    tag: 'Events',
    summary: 'Whom my organisation should meet: the other participants, ranked by the matches between the booths',
    access: 'user',
    responses: { 200: 'The suggestions, strongest first, with the reasons' },
    errors: [403],
    async handler({ ctx, user, params }) {
      const event = await loadReadableEvent(ctx, params.id, user);
      if (!user.organizationId) throw forbidden('Only participants get suggestions');
      return { data: await suggestionsFor(ctx, event, user.organizationId) };
    },
  }),
];
