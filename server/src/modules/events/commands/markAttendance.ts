import type { MeetingAttendance } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import { meetingStore } from '../meetings.store';
import type { Event, Meeting } from '../model';
import { isOrganizer } from '../policy';

/** The organiser records at the venue whether an accepted meeting was held or a side did not come. */
export async function markAttendance(
  ctx: AppContext,
  user: AuthUser,
  event: Event,
  meeting: Meeting,
  attendance: MeetingAttendance,
): Promise<Meeting> {
  if (!isOrganizer(user, event)) throw forbidden('Only the organiser records attendance');
  const meetings = meetingStore(ctx.db);
  const events = [
    ctx.events.create('event.meeting_changed', {
      eventId: String(event._id),
      meetingId: String(meeting._id),
      change: attendance,
      byUserId: user.id,
    }),
  ];
  let written = false;
  const updated = await meetings.withMeeting(meeting._id, async () => {
    const current = await meetings.findById(meeting._id);
    if (!current) throw notFound('Meeting not found');
    if (current.status !== 'accepted') throw conflict('Only an accepted meeting can be held');
    if (current.attendance === attendance) return current;
    written = true;
    return meetings.update(meeting._id, { $set: { attendance } }, events);
  });
  if (!updated) throw notFound('Meeting not found');
  if (written) await ctx.events.relay(meetings.meetings, String(meeting._id), events);
  return updated;
}
