import type { MeetingRequestInput } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import { meetingStore } from '../meetings.store';
import type { Event, Meeting } from '../model';
import { meetingsOpen } from '../policy';
import { eventStore } from '../store';
import { boothPairs, scorePairs, strongest } from '../strength';

/**
 * Asks another participant for a meeting. One meeting per pair of
 * organisations and event: a pending or accepted one answers 409; a
 * cancelled one is asked again; a declined one only by the side that declined.
 * The meeting's strength is its best offer ↔ demand pair (the listings named,
 * or both booths), scored by the matching engine.
 */
export async function requestMeeting(
  ctx: AppContext,
  user: AuthUser,
  event: Event,
  input: MeetingRequestInput,
  /** The clock the rules read (see registerParticipant). */
  options: { now?: Date } = {},
): Promise<Meeting> {
  const now = options.now ?? new Date();
  const orgId = user.organizationId;
  if (!orgId) throw forbidden('Only participants can ask for meetings');
  const store = eventStore(ctx.db);
  const mine = await store.participant(event._id, orgId);
  if (mine?.status !== 'registered') throw forbidden('Only participants can ask for meetings');
  if (!meetingsOpen(event, now)) throw conflict('The event is over');
  if (input.withOrganizationId === orgId)
    throw badRequest('A meeting needs another organisation', { withOrganizationId: 'invalid_type' });
  const other = await store.participant(event._id, input.withOrganizationId);
  if (other?.status !== 'registered') throw notFound('That organisation is not a participant of this event');

  const meetings = meetingStore(ctx.db);
  let pairs = boothPairs(mine, other);
  const booth = new Map([...mine.listings, ...other.listings].map((l) => [String(l.id), l]));
  const named = input.listingIds ? [...new Set(input.listingIds)] : null;
  if (named) {
    if (named.some((id) => !booth.has(id)))
      throw badRequest('Name listings of either booth', { listingIds: 'not_in_booth' });
    pairs = pairs.filter((p) => named.includes(String(p.offer.id)) || named.includes(String(p.demand.id)));
  }
  const best = strongest(await scorePairs(ctx, pairs));
  const listings = (named ? named.map((id) => booth.get(id)!) : best ? [best.offer, best.demand] : []).map((l) => ({
    type: l.type,
    id: l.id,
    title: l.title,
  }));

  const id = meetings.idOf(event._id, orgId, input.withOrganizationId);
  const events = [
    ctx.events.create('event.meeting_changed', {
      eventId: String(event._id),
      meetingId: String(id),
      change: 'requested',
      byUserId: user.id,
    }),
  ];
  const doc = {
    eventId: event._id,
    requesterOrgId: orgId,
    recipientOrgId: input.withOrganizationId,
    status: 'requested',
    message: input.message || null,
    listings,
    score: best?.score ?? 0,
    reasons: best?.reasons ?? [],
    offerId: best?.offer.id ?? null,
    demandId: best?.demand.id ?? null,
    requestedBy: user.id,
    requestedAt: now,
    answeredBy: null,
    answeredAt: null,
    attendance: null,
    dealId: null,
  };
  const meeting = await meetings.withMeeting(id, async () => {
    const existing = await meetings.findById(id);
    if (existing) {
      const again =
        existing.status === 'cancelled' ||
        (existing.status === 'declined' && String(existing.recipientOrgId) === orgId);
      if (!again) throw conflict('A meeting between your organisations exists already', { meetingId: String(id) });
      return meetings.update(id, { $set: doc }, events);
    }
    if (!(await meetings.insert({ _id: id, ...doc }, events)))
      throw conflict('A meeting between your organisations exists already', { meetingId: String(id) });
    return meetings.findById(id);
  });
  if (!meeting) throw notFound('Meeting not found');
  await ctx.events.relay(meetings.meetings, String(id), events);
  return meeting;
}
