import { type ListingType, MATCH_STRONG, MATCH_THRESHOLD, type MatchListingRef } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { type ListingShown, listingStore } from '../listings/store';
import { organizationStore } from '../organizations/store';
import type { Match } from './model';
import { matchStore } from './store';

const live = (l: ListingShown | undefined): l is ListingShown => !!l && l.status === 'published' && !l.deletedAt;

/** One organisation's side of a new match: its own listing, the counterpart's, and which side it is on. */
export interface MatchSide {
  match: Match;
  own: MatchListingRef;
  other: MatchListingRef;
  type: ListingType;
}

/** Matches with both listings' public titles, grouped per organisation (both sides of each), best first. */
export interface MatchSides {
  matches: { match: Match; offer: MatchListingRef; demand: MatchListingRef }[];
  perOrg: Map<string, MatchSide[]>;
}

/**
 * What a `match.created` event announces, re-read now: the strong matches
 * (score at least MATCH_STRONG) still active between two published listings of two active organisations, best
 * first, each with both listings' public titles, grouped per organisation
 * (both sides of each). Everything is read by `_id`.
 */
export function loadAnnouncement(
  ctx: AppContext,
  event: { id: string; data: { matchIds: string[] } },
): Promise<MatchSides> {
  // One event's processors run one after the other, moments apart: they share one read.
  const now = Date.now();
  for (const [id, entry] of loaded) if (entry.at < now - SHARED_MS) loaded.delete(id);
  const shared = loaded.get(event.id)?.sides;
  if (shared) return shared;
  const sides = (async () => {
    // Only strong matches are announced (pushed live and notified); weaker ones are listed and reach digests.
    // Created moments ago by this instance's pass, most often: served as written unless written since.
    const found = (await matchStore(ctx.db).findEachRecent(event.data.matchIds)).filter(
      (m) => m.active && m.score >= MATCH_STRONG,
    );
    return matchSides(ctx, found);
  })();
  loaded.set(event.id, { at: now, sides });
  // A failed read is not shared: the retry reads again.
  sides.catch(() => loaded.delete(event.id));
  return sides;
}

/** How long an event's announcement, once read, serves its other processors. */
const SHARED_MS = 2_000;
const loaded = new Map<string, { at: number; sides: Promise<MatchSides> }>();

/**
 * An organisation's weaker matches (MATCH_THRESHOLD up to MATCH_STRONG) made
 * since a moment, not dismissed on its side: listed in the app, never pushed,
 * they reach the user in the daily digest.
 */
export async function recentWeakMatches(ctx: AppContext, orgId: string, since: Date): Promise<MatchSide[]> {
  const weak = (await matchStore(ctx.db).ofOrganization(orgId)).filter(
    (m) =>
      m.active &&
      m.score >= MATCH_THRESHOLD &&
      m.score < MATCH_STRONG &&
      new Date(m.createdAt).getTime() >= since.getTime() &&
      (String(m.offerOrgId) === orgId ? m.offerState : m.demandState) !== 'dismissed',
  );
  return (await matchSides(ctx, weak)).perOrg.get(orgId) ?? [];
}

/** Both listings' public titles of each match, kept when both are published and both organisations active. */
async function matchSides(ctx: AppContext, found: Match[]): Promise<MatchSides> {
  const listings = listingStore(ctx.db);
  // Read within the last few seconds, not again: a backlog's announcements name the same listings again and again.
  const [offers, demands, orgs] = await Promise.all([
    listings.findEachRecent(
      'offer',
      found.map((m) => m.offerId),
    ),
    listings.findEachRecent(
      'demand',
      found.map((m) => m.demandId),
    ),
    organizationStore(ctx.db)
      .findEachRecent(found.flatMap((m) => [m.offerOrgId, m.demandOrgId]))
      .then((list) => new Map(list.map((o) => [String(o._id), o]))),
  ]);
  const byId = new Map([...offers, ...demands].map((l) => [String(l._id), l]));
  const ref = (l: ListingShown): MatchListingRef => ({
    id: String(l._id),
    title: l.title,
    organization: { id: String(l.organizationId), name: orgs.get(String(l.organizationId))?.name ?? '' },
  });
  const matches: { match: Match; offer: MatchListingRef; demand: MatchListingRef }[] = [];
  const perOrg = new Map<string, MatchSide[]>();
  for (const match of found.sort((a, b) => b.score - a.score)) {
    const offer = byId.get(String(match.offerId));
    const demand = byId.get(String(match.demandId));
    if (!live(offer) || !live(demand)) continue;
    const [offerOrgId, demandOrgId] = [String(match.offerOrgId), String(match.demandOrgId)];
    // Both organisations active, and two of them (never a match of an organisation with itself).
    if (offerOrgId === demandOrgId || [offerOrgId, demandOrgId].some((o) => orgs.get(o)?.status !== 'active')) continue;
    const [offerRef, demandRef] = [ref(offer), ref(demand)];
    matches.push({ match, offer: offerRef, demand: demandRef });
    perOrg.set(offerOrgId, [
      ...(perOrg.get(offerOrgId) ?? []),
      { match, own: offerRef, other: demandRef, type: 'offer' },
    ]);
    perOrg.set(demandOrgId, [
      ...(perOrg.get(demandOrgId) ?? []),
      { match, own: demandRef, other: offerRef, type: 'demand' },
    ]);
  }
  return { matches, perOrg };
}
