import { attendanceSchema, meetingRequestSchema } from '@techbridge/shared';
import { route } from '../../context';
import { forbidden } from '../../platform/errors';
import { presentDealFor } from '../deals/view';
import { answerMeeting } from './commands/answerMeeting';
import { markAttendance } from './commands/markAttendance';
import { requestMeeting } from './commands/requestMeeting';
import { startDeal } from './commands/startDeal';
import { meetingStore } from './meetings.store';
import { seesAll } from './policy';
import { isRegistered, loadReadableEvent, loadVisibleMeeting, presentMeetingsFor } from './view';

const answerRoute = (action: 'accept' | 'decline') =>
  route({
    method: 'post',
    path: `/events/:id/meetings/:meetingId/${action}`,
    tag: 'Events',
    summary: action === 'accept' ? 'Accept a meeting I was asked for' : 'Decline a meeting I was asked for',
    access: 'user',
    responses: { 200: 'The meeting' },
    errors: [403, 409],
    async handler({ ctx, user, params }) {
      const event = await loadReadableEvent(ctx, params.id, user);
      const meeting = await loadVisibleMeeting(ctx, event, params.meetingId, user);
      const answered = await answerMeeting(ctx, user, event, meeting, action === 'accept' ? 'accepted' : 'declined');
      return { data: (await presentMeetingsFor(ctx, event, [answered], user))[0] };
    },
  });

/** Meeting requests between participants, their answers, attendance at the venue and the deals they start. */
export const meetingRoutes = [
  route({
    method: 'get',
    path: '/events/:id/meetings',
    tag: 'Events',
    summary: "My organisation's meetings at the event (the organiser: all of them)",
    access: 'user',
    responses: { 200: 'The meetings, newest first' },
    errors: [403],
    async handler({ ctx, user, params }) {
      const event = await loadReadableEvent(ctx, params.id, user);
      const store = meetingStore(ctx.db);
      const meetings = seesAll(user, event)
        ? await store.ofEvent(event._id)
        : (await isRegistered(ctx, event._id, user.organizationId))
          ? await store.ofOrganization(event._id, user.organizationId)
          : null;
      if (!meetings) throw forbidden('Only participants and the organiser see meetings');
      meetings.sort((a, b) => new Date(b.requestedAt).getTime() - new Date(a.requestedAt).getTime());
      return { data: await presentMeetingsFor(ctx, event, meetings, user) };
    },
  }),
  route({
    method: 'post',
    path: '/events/:id/meetings',
    tag: 'Events',
    summary: 'Ask another participant for a meeting',
    access: 'user',
    body: meetingRequestSchema,
    responses: { 201: 'The meeting, requested' },
    errors: [403, 409],
    async handler({ ctx, user, params, body, res }) {
      const event = await loadReadableEvent(ctx, params.id, user);
      const meeting = await requestMeeting(ctx, user, event, body);
      res.status(201);
      return { data: (await presentMeetingsFor(ctx, event, [meeting], user))[0] };
    },
  }),
  answerRoute('accept'),
  answerRoute('decline'),
  route({
    method: 'post',
    path: '/events/:id/meetings/:meetingId/attendance',
    tag: 'Events',
    summary: 'Record at the venue that an accepted meeting was held, or that a side did not come (the organiser)',
    access: 'user',
    body: attendanceSchema,
    responses: { 200: 'The meeting' },
    errors: [403, 409],
    async handler({ ctx, user, params, body }) {
      const event = await loadReadableEvent(ctx, params.id, user);
      const meeting = await loadVisibleMeeting(ctx, event, params.meetingId, user);
      const marked = await markAttendance(ctx, user, event, meeting, body.attendance);
      return { data: (await presentMeetingsFor(ctx, event, [marked], user))[0] };
    },
  }),
  route({
    method: 'post',
    path: '/events/:id/meetings/:meetingId/deal',
    tag: 'Events',
    summary: 'Turn a held meeting into a deal (either side; the same deal when asked again)',
    access: 'user',
    responses: { 200: 'The deal started before', 201: 'The new deal' },
    errors: [403, 409],
    async handler({ ctx, user, params, res }) {
      const event = await loadReadableEvent(ctx, params.id, user);
      const meeting = await loadVisibleMeeting(ctx, event, params.meetingId, user);
      const { deal, created } = await startDeal(ctx, user, event, meeting);
      res.status(created ? 201 : 200);
      return { data: await presentDealFor(ctx, deal, user) };
    },
  }),
];
