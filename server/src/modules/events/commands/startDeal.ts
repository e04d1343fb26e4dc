import type { AppContext } from '../../../context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import { openDeal } from '../../deals/commands/openDeal';
import type { Deal } from '../../deals/model';
import { dealStore } from '../../deals/store';
import { listingStore } from '../../listings/store';
import { matchStore } from '../../matching/store';
import { meetingStore } from '../meetings.store';
import type { Event, Meeting } from '../model';
import { isMeetingSide } from '../policy';
import { eventStore } from '../store';

/**
 * A held meeting becomes a deal, opened by one side on the other side's
 * listing (through the matching engine's match of the meeting's pair when it
 * has one): deals' own openDeal, so it is the same deal as any other. The
 * meeting keeps the deal's id; asking again answers the same deal.
 */
export async function startDeal(
  ctx: AppContext,
  user: AuthUser,
  event: Event,
  meeting: Meeting,
): Promise<{ deal: Deal; created: boolean }> {
  if (!isMeetingSide(user, meeting)) throw forbidden('Only the organisations that met can start a deal');
  if (meeting.status !== 'accepted' || meeting.attendance !== 'held')
    throw conflict('Only a meeting that was held becomes a deal');
  if (meeting.dealId) {
    const existing = await dealStore(ctx.db).findById(meeting.dealId);
    if (existing) return { deal: existing, created: false };
  }
  const { deal, created } = await openDeal(ctx, user, await dealTarget(ctx, user, event, meeting));
  const meetings = meetingStore(ctx.db);
  const events = [
    ctx.events.create('event.meeting_changed', {
      eventId: String(event._id),
      meetingId: String(meeting._id),
      change: 'deal_started',
      byUserId: user.id,
    }),
  ];
  await meetings.withMeeting(meeting._id, () => meetings.update(meeting._id, { $set: { dealId: deal._id } }, events));
  await ctx.events.relay(meetings.meetings, String(meeting._id), events);
  return { deal, created };
}

/** What the deal is about: the pair's match, else the other side's listing of the pair, else of its booth. */
async function dealTarget(ctx: AppContext, user: AuthUser, event: Event, meeting: Meeting) {
  const other =
    String(meeting.requesterOrgId) === user.organizationId ? meeting.recipientOrgId : meeting.requesterOrgId;
  if (meeting.offerId && meeting.demandId) {
    const [match] = await matchStore(ctx.db).forPairs('offer', String(meeting.offerId), [String(meeting.demandId)]);
    if (match?.active) return { matchId: String(match._id) };
    const offer = await listingStore(ctx.db).findById('offer', meeting.offerId, { organizationId: 1 });
    return String(offer?.organizationId) === String(other)
      ? { offerId: String(meeting.offerId) }
      : { demandId: String(meeting.demandId) };
  }
  const booth = (await eventStore(ctx.db).participant(event._id, other))?.listings ?? [];
  const listing = booth[0];
  if (!listing) throw notFound('The other organisation shows no listing to open a deal on');
  return listing.type === 'offer' ? { offerId: String(listing.id) } : { demandId: String(listing.id) };
}
