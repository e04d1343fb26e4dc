import {
  combineTunings,
  decodeTerms,
  type ListingType,
  MATCH_STRONG,
  MATCH_THRESHOLD,
  type MatchProfile,
  type MatchScore,
  type MatchTuning,
  scoreMatch,
  type Term,
} from '@techbridge/shared';
import type { AppContext } from '../../context';
import { carry } from '../../platform/events/pending';
import type { PendingEvent } from '../../platform/events/types';
import { mapLimit } from '../../platform/lib/mapLimit';
import type { AnyListing, Demand, Offer } from '../listings/model';
import { listingStore } from '../listings/store';
import { organizationStore } from '../organizations/store';
import { updatedAtOf } from '../search/listingsIndex';
import { listingTerms } from '../search/similar';
import { type Candidate, findCandidates, scoreCandidate, withProfiles } from './candidates';
import { feedbackStore } from './feedbackStore';
import type { Match } from './model';
import { matchStore } from './store';

const isLive = (l: AnyListing | null | undefined) => !!l && l.status === 'published' && !l.deletedAt;

export interface PassOptions {
  /** Every existing match of the listing is known to have been computed from its current state. */
  reconciled: boolean;
  /** Read every existing match of the listing anyway (`npm run rematch`, after a scoring change). */
  scanAll?: boolean;
  /** Reads and writes kept in flight (a background pass keeps few, so requests do not queue behind it). */
  inFlight: number;
  /** A pass of the backlog (not of a user's write): its announcements go through the delivery loop. */
  background?: boolean;
  /**
   * The caller clears the listing's flag once the pass is complete, in a write that records the announcement too
   * (listingStore.clearFlag's `also`), then relays it: a complete pass leaves it in its result instead of writing.
   */
  deferAnnouncement?: boolean;
}

/** A pass's announcement of its new strong pairs: when it was made (`matchedAt`), and its event, to carry. */
export interface Announcement {
  set: { matchedAt: Date };
  events: PendingEvent[];
}

export interface PassResult {
  /** The listing's flag may be cleared (false: match it again once it is indexed). */
  complete: boolean;
  /** Every existing match of the listing was read and recomputed from its current state. */
  reconciled: boolean;
  /** Left to the caller (deferAnnouncement, and the pass complete): to write with the flag's clearing, then relay. */
  announcement?: Announcement;
}

/**
 * Recomputes one listing's matches. Each published listing is scored against
 * candidates of the other side; pairs at or above the threshold are written
 * (one match per pair, under an `_id` derived from the pair), the rest are
 * deactivated. Every read and write is by `_id`, through the listing's key
 * of matches when the matches of non-candidates may be stale too.
 *
 * The strong pairs a pass creates (MATCH_STRONG) are announced by one
 * `match.created` event, carried by the listing in the same write that
 * records when it announced (`matchedAt`); a pass interrupted before that
 * write leaves pairs it created (`origin` the listing, created after
 * `matchedAt`), which the next pass announces. So no new strong pair goes
 * unannounced, and none twice. Weaker pairs are listed, and reach digests.
 */
export async function matchListing(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  options: PassOptions,
): Promise<PassResult> {
  const matches = matchStore(ctx.db);
  const id = String(listing._id);
  const otherKey = type === 'offer' ? 'demandId' : 'offerId';
  const otherType: ListingType = type === 'offer' ? 'demand' : 'offer';
  // Reconciled: each stored pair was computed from this very state of the listing, and each counterpart's own pass
  // keeps its pairs current with the counterpart: only pairs not stored yet are computed. Otherwise every stored pair
  // is read and recomputed.
  const scan = options.scanAll || !options.reconciled;
  const [activeOrgs, keyIds] = await Promise.all([
    activeOrganizations(ctx, [listing.organizationId]),
    // The listing's key of matches: which pairs exist, in one read.
    listing.publishedAt ? matches.idsOfListing(type, id) : [],
  ]);
  const live = isLive(listing) && activeOrgs.has(String(listing.organizationId));
  // Reconciled with a full key (every stored pair counts as active): nothing to compute, no new pair to make.
  if (live && !scan && keyIds.length >= ctx.config.matchLimit)
    return { complete: !listing.searchDirty, reconciled: false };
  if (!live) {
    // A listing never published never had a match.
    const stored = await matches.findEachById(keyIds, options.inFlight);
    await mapLimit(
      stored.filter((m) => m.active),
      options.inFlight,
      (m) => matches.update(m._id, { active: false }),
    );
    // Counterparts pair with it from its search document without reading it: once it has left the index, look again.
    return { complete: !listing.searchDirty, reconciled: false };
  }
  // Its terms, once: its candidates are searched for with them and scored against them.
  const own = listingTerms(type, listing);
  const candidates = await findCandidates(ctx, type, listing, own);
  const stored = scan ? await matches.findEachById(keyIds, options.inFlight) : [];
  const storedWith = new Map(stored.map((m) => [String(m[otherKey]), m]));
  const keyed = new Set(keyIds);
  const tunings = await feedbackStore(ctx.db).tunings([
    String(listing.organizationId),
    ...candidates.map((c) => c.orgId),
  ]);
  const tuningWith = (orgId: string) => combineTunings(tunings.get(String(listing.organizationId)), tunings.get(orgId));
  // New pairs: the candidates with none stored, scored from their search documents (none is read).
  const isNew = (c: Candidate) =>
    scan ? !storedWith.has(c.listingId) : !keyed.has(matches.pairId(type, id, c.listingId));
  const fresh = candidates.filter(isNew);
  // Profiles: of the candidates to score, and (recomputing every stored pair) of those whose pairs are read too.
  const [orgsOfNew] = await Promise.all([
    activeOrganizations(
      ctx,
      fresh.map((c) => c.orgId),
    ),
    withProfiles(ctx, otherType, scan ? candidates : fresh),
  ]);
  const profiles = new Map(candidates.filter((c) => c.m).map((c) => [c.listingId, c.m as MatchProfile]));
  const scored: Scored[] = fresh
    .filter((c) => c.m && orgsOfNew.has(c.orgId))
    .map((c) => ({
      counterpartId: c.listingId,
      counterpartOrgId: c.orgId,
      existing: null,
      result: scoreCandidate(
        type,
        listing,
        own,
        c as Candidate & { m: MatchProfile },
        decodeTerms(c.m!.t),
        tuningWith(c.orgId),
      ),
    }));
  // Read: the counterparts of the pairs to recompute, and candidates indexed without a profile.
  const store = listingStore(ctx.db);
  const toRead = [...stored.map((m) => String(m[otherKey])), ...fresh.filter((c) => !c.m).map((c) => c.listingId)];
  const counterparts = await store.findEachById(otherType, toRead, undefined, options.inFlight);
  scored.push(...(await scoreRead(ctx, type, listing, own, counterparts, { storedWith, profiles, tunings })));
  const present = new Set(counterparts.map((c) => String(c._id)));
  const gone = stored.filter((m) => m.active && !present.has(String(m[otherKey])));
  for (const m of gone) await matches.update(m._id, { active: false });
  // Room for new pairs: reconciled, every stored pair counts as active (the key names them, active or not).
  const holding = scan ? scored.filter((s) => s.existing?.active && holds(s.result)).length : keyIds.length;
  const created = await writeAll(ctx, type, listing, scored, ctx.config.matchLimit - holding, options.inFlight);
  // Only strong pairs are announced (pushed live and notified); weaker ones are listed and reach digests.
  const scoreOf = new Map(scored.map((s) => [matches.pairId(type, id, s.counterpartId), s.result?.score ?? 0]));
  const announced = created.filter((m) => (scoreOf.get(m) ?? 0) >= MATCH_STRONG);
  // Strong pairs an interrupted pass of this listing created and did not announce.
  const since = listing.matchedAt ? new Date(listing.matchedAt).getTime() : 0;
  for (const m of stored)
    if (
      m.active &&
      m.score >= MATCH_STRONG &&
      String(m.origin) === id &&
      new Date(m.createdAt).getTime() > since &&
      !announced.includes(String(m._id))
    )
      announced.push(String(m._id));
  // Not yet in the index: look again once it is, for counterparts that missed it meanwhile.
  const complete = !listing.searchDirty;
  if (announced.length) {
    const announcement: Announcement = {
      set: { matchedAt: new Date() },
      events: [ctx.events.create('match.created', { type, listingId: id, matchIds: announced })],
    };
    if (complete && options.deferAnnouncement) return { complete, reconciled: scan, announcement };
    await store.write(type, id, carry({ $set: announcement.set }, announcement.events), { timestamps: false });
    await ctx.events.relay(store.sources[type], id, announcement.events, { background: options.background });
  }
  return { complete, reconciled: scan };
}

/** A pair to write: its counterpart, its stored match if any, and its score (null: the counterpart is not live). */
interface Scored {
  counterpartId: string;
  counterpartOrgId: string;
  existing: Match | null;
  result: MatchScore | null;
}

const holds = (r: MatchScore | null) => !!r && r.score >= MATCH_THRESHOLD;

/** Scores the listing against counterparts read from the database (stored pairs, candidates without a profile). */
async function scoreRead(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  own: ReadonlyMap<string, Term>,
  counterparts: AnyListing[],
  known: { storedWith: Map<string, Match>; profiles: Map<string, MatchProfile>; tunings: Map<string, MatchTuning> },
): Promise<Scored[]> {
  const orgIds = counterparts.map((c) => String(c.organizationId));
  const missing = orgIds.filter((o) => !known.tunings.has(o));
  const [activeOrgs, more] = await Promise.all([
    activeOrganizations(ctx, orgIds),
    // Each organisation's repeated "Không phù hợp" reasons (see shared/src/matching/feedback.ts).
    missing.length ? feedbackStore(ctx.db).tunings(missing) : new Map<string, MatchTuning>(),
  ]);
  const tunings = new Map([...known.tunings, ...more]);
  // A counterpart's terms from its search document when it was indexed from this very state of it.
  const termsOf = (c: AnyListing) => {
    const profile = known.profiles.get(String(c._id));
    return profile && profile.u === updatedAtOf(c) ? decodeTerms(profile.t) : undefined;
  };
  return counterparts.map((counterpart) => {
    const live =
      isLive(counterpart) &&
      activeOrgs.has(String(counterpart.organizationId)) &&
      String(counterpart.organizationId) !== String(listing.organizationId);
    const [offer, demand] = (type === 'offer' ? [listing, counterpart] : [counterpart, listing]) as [Offer, Demand];
    const tuning = combineTunings(
      tunings.get(String(offer.organizationId)),
      tunings.get(String(demand.organizationId)),
    );
    const terms =
      type === 'offer' ? { offer: own, demand: termsOf(counterpart) } : { offer: termsOf(counterpart), demand: own };
    return {
      counterpartId: String(counterpart._id),
      counterpartOrgId: String(counterpart.organizationId),
      existing: known.storedWith.get(String(counterpart._id)) ?? null,
      result: live ? scoreMatch(offer, demand, tuning, terms) : null,
    };
  });
}

/**
 * Writes what changed. New pairs are created, the best first, only while
 * there is `room` (the listing keeps at most `matchLimit` active matches);
 * stored pairs are always kept up to date. This bounds the work and the
 * announcements for a listing with many similar counterparts (a bulk import
 * of near-identical rows). Stored pairs are each updated by `_id` (in
 * parallel); new pairs are created together, in one bulk write. Resolves
 * with the ids of the pairs that are new, best score first.
 */
async function writeAll(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  scored: Scored[],
  room: number,
  inFlight: number,
): Promise<string[]> {
  scored.sort((a, b) => (b.result?.score ?? -1) - (a.result?.score ?? -1));
  await mapLimit(
    scored.filter((s) => s.existing),
    inFlight,
    ({ result, existing }) => update(ctx, result, existing as Match),
  );
  const fresh = scored.filter((s) => !s.existing && holds(s.result)).slice(0, Math.max(0, room));
  const sides = (s: Scored) =>
    type === 'offer'
      ? {
          offerId: listing._id,
          demandId: s.counterpartId,
          offerOrgId: listing.organizationId,
          demandOrgId: s.counterpartOrgId,
        }
      : {
          offerId: s.counterpartId,
          demandId: listing._id,
          offerOrgId: s.counterpartOrgId,
          demandOrgId: listing.organizationId,
        };
  return matchStore(ctx.db).insertPairs(
    fresh.map((s) => ({
      sides: sides(s),
      fields: { score: s.result?.score, reasons: s.result?.reasons, active: true },
    })),
    listing._id,
  );
}

/**
 * Writes a stored pair only if it changed: re-scored, or deactivated when it
 * no longer holds (`result` null: a side is not live). By `_id`.
 */
async function update(ctx: AppContext, result: MatchScore | null, existing: Match): Promise<void> {
  const matches = matchStore(ctx.db);
  if (!result || result.score < MATCH_THRESHOLD) {
    if (existing.active) await matches.update(existing._id, { active: false, score: result?.score ?? 0 });
    return;
  }
  const { score, reasons } = result;
  if (existing.active && existing.score === score && JSON.stringify(existing.reasons) === JSON.stringify(reasons))
    return;
  await matches.update(existing._id, { score, reasons, active: true });
}

/** Which of the given organisations are active (each read by `_id`, or read within the last few seconds). */
async function activeOrganizations(ctx: AppContext, ids: unknown[]): Promise<Set<string>> {
  const orgs = await organizationStore(ctx.db).findEachRecent(ids);
  return new Set(orgs.filter((o) => o.status === 'active').map((o) => String(o._id)));
}
