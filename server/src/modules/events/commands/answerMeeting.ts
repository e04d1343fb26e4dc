import type { AppContext } from '../../../context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import { meetingStore } from '../meetings.store';
import type { Event, Meeting } from '../model';
import { meetingsOpen } from '../policy';

/** The invited organisation accepts or declines a meeting it was asked for (the other side only). */
export async function answerMeeting(
  ctx: AppContext,
  user: AuthUser,
  event: Event,
  meeting: Meeting,
  answer: 'accepted' | 'declined',
  /** The clock the rules read (see registerParticipant). */
  options: { now?: Date } = {},
): Promise<Meeting> {
  const now = options.now ?? new Date();
  if (user.organizationId !== String(meeting.recipientOrgId))
    throw forbidden('Only the organisation that was asked can answer');
  const meetings = meetingStore(ctx.db);
  const events = [
    ctx.events.create('event.meeting_changed', {
      eventId: String(event._id),
      meetingId: String(meeting._id),
      change: answer,
      byUserId: user.id,
    }),
  ];
  const updated = await meetings.withMeeting(meeting._id, async () => {
    const current = await meetings.findById(meeting._id);
    if (!current) throw notFound('Meeting not found');
    if (current.status !== 'requested') throw conflict(`This meeting is ${current.status} already`);
    if (!meetingsOpen(event, now)) throw conflict('The event is over');
    return meetings.update(meeting._id, { $set: { status: answer, answeredBy: user.id, answeredAt: now } }, events);
  });
  if (!updated) throw notFound('Meeting not found');
  await ctx.events.relay(meetings.meetings, String(meeting._id), events);
  return updated;
}
