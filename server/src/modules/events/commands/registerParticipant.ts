import type { ListingType, ParticipantRegisterInput } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { badRequest, conflict, forbidden } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import type { AnyListing } from '../../listings/model';
import { listingStore } from '../../listings/store';
import { organizationStore } from '../../organizations/store';
import type { Event, Participant } from '../model';
import { registrationOpen } from '../policy';
import { eventStore } from '../store';
import { boothListing } from '../strength';

/**
 * Registers the caller's organisation for an event, or changes its
 * registration: its own published listings are its booth, its availability
 * (optional) bounds its meetings. A first registration gets the next booth number.
 */
export async function registerParticipant(
  ctx: AppContext,
  user: AuthUser,
  event: Event,
  input: ParticipantRegisterInput,
  /** The clock the rules read (the demo seed registers for a past event as of a day before it). */
  options: { now?: Date } = {},
): Promise<{ participant: Participant; created: boolean }> {
  const now = options.now ?? new Date();
  const orgId = user.organizationId;
  if (!orgId) throw forbidden('Only members of an organisation can register');
  const org = await organizationStore(ctx.db).findById(orgId);
  if (!org?.verified || org.status !== 'active') throw forbidden('Only verified organisations can register');
  if (!registrationOpen(event, now)) throw conflict('Registration for this event is closed');
  const booth = await ownPublishedListings(ctx, orgId, input.listingIds);
  const availability = (input.availability ?? []).map((i) => ({ start: new Date(i.start), end: new Date(i.end) }));
  if (availability.some((i) => i.end <= new Date(event.startsAt) || i.start >= new Date(event.endsAt)))
    throw badRequest('Availability outside the event', { availability: 'outside_event' });

  const store = eventStore(ctx.db);
  return store.withEvent(event._id, async () => {
    const existing = await store.participant(event._id, orgId);
    const returning = existing?.status === 'registered';
    let number = existing?.booth ?? 0;
    if (!existing)
      number = (await store.update(event._id, { $inc: { boothSeq: 1, participantCount: 1 } }))?.boothSeq ?? 0;
    else if (!returning) await store.update(event._id, { $inc: { participantCount: 1 } });
    const participant = await store.saveParticipant({
      eventId: event._id,
      organizationId: orgId,
      status: 'registered',
      booth: number,
      listings: booth,
      availability,
      registeredBy: user.id,
      registeredAt: returning ? existing.registeredAt : now,
      withdrawnAt: null,
    });
    return { participant, created: !returning };
  });
}

/** The listings, each the organisation's own and published (else a 400 naming `listingIds`). */
async function ownPublishedListings(ctx: AppContext, orgId: string, ids: string[]) {
  const listings = listingStore(ctx.db);
  const found: Record<string, unknown>[] = [];
  for (const id of [...new Set(ids)]) {
    let hit: { type: ListingType; listing: AnyListing } | null = null;
    for (const type of ['offer', 'demand'] as const) {
      const listing = await listings.findById(type, id);
      if (listing) {
        hit = { type, listing };
        break;
      }
    }
    const l = hit?.listing;
    if (!hit || !l || String(l.organizationId) !== orgId || l.status !== 'published' || l.deletedAt)
      throw badRequest('Only your organisation’s published listings can be shown at its booth', {
        listingIds: 'not_own_listing',
      });
    found.push(boothListing(hit.type, l));
  }
  return found;
}
