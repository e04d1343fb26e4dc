import type { EventSuggestionDto, MeetingStatus } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { forbidden } from '../../platform/errors';
import { meetingStore } from './meetings.store';
import type { Event } from './model';
import { eventStore } from './store';
import { boothPairs, scorePairs, strongest } from './strength';
import { orgNames } from './view';

/** How many suggestions are listed. */
const LIMIT = 50;

/**
 * For a participant, the other participants ranked by the strongest match
 * between its booth and theirs (offer ↔ demand, either way): the matching
 * engine's stored match of a pair where there is one (its derived `_id`),
 * else the same scoring function on the booths' listings; with the reasons,
 * and the meeting the two have, if any. Participants whose booths pair
 * nothing are not suggested.
 */
export async function suggestionsFor(ctx: AppContext, event: Event, orgId: string): Promise<EventSuggestionDto[]> {
  const store = eventStore(ctx.db);
  const participants = await store.participantsOf(event._id);
  const mine = participants.find((p) => String(p.organizationId) === orgId);
  if (!mine) throw forbidden('Only participants get suggestions');
  const others = participants.filter((p) => p !== mine);
  const scored = await scorePairs(
    ctx,
    others.flatMap((o) => boothPairs(mine, o)),
  );
  const bestOf = new Map<string, (typeof scored)[number]>();
  for (const other of others) {
    const id = String(other.organizationId);
    const best = strongest(scored.filter((p) => p.offerOrgId === id || p.demandOrgId === id));
    if (best) bestOf.set(id, best);
  }
  const ranked = [...bestOf.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, LIMIT);
  const [orgs, meetings] = await Promise.all([
    orgNames(
      ctx,
      ranked.map(([id]) => id),
    ),
    meetingStore(ctx.db).ofOrganization(event._id, orgId),
  ]);
  const meetingWith = new Map(
    meetings.flatMap((m) => [
      [String(m.requesterOrgId), m],
      [String(m.recipientOrgId), m],
    ]),
  );
  return ranked.map(([id, p]) => {
    const org = orgs.get(id);
    const meeting = meetingWith.get(id);
    return {
      organization: { id, name: org?.name ?? '', type: org?.type ?? '', province: org?.province ?? '' },
      score: p.score,
      reasons: p.reasons,
      offer: { id: String(p.offer.id), title: p.offer.title, organizationId: p.offerOrgId },
      demand: { id: String(p.demand.id), title: p.demand.title, organizationId: p.demandOrgId },
      stored: p.stored,
      meeting: meeting ? { id: String(meeting._id), status: meeting.status as MeetingStatus } : null,
    };
  });
}
