import { combineTunings, type ListingType, MATCH_THRESHOLD, type MatchReason, scoreMatch } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { carry } from '../../platform/events/pending';
import { mapLimit } from '../../platform/lib/mapLimit';
import type { AnyListing, Demand, Offer } from '../listings/model';
import { listingStore } from '../listings/store';
import { organizationStore } from '../organizations/store';
import { findCandidates } from './candidates';
import { feedbackStore } from './feedbackStore';
import type { Match } from './model';
import { matchStore } from './store';

type Scored = { score: number; reasons: MatchReason[] };
type Pair = { counterpart: AnyListing; existing: Match | null };

const isLive = (l: AnyListing | null | undefined) => !!l && l.status === 'published' && !l.deletedAt;

export interface PassOptions {
  /** Every existing match of the listing is known to have been computed from its current state. */
  reconciled: boolean;
  /** Read every existing match of the listing anyway (`npm run rematch`, after a scoring change). */
  scanAll?: boolean;
  /** Reads and writes kept in flight (a background pass keeps few, so requests do not queue behind it). */
  inFlight: number;
}

export interface PassResult {
  /** The listing's flag may be cleared (false: match it again once it is indexed). */
  complete: boolean;
  /** Every existing match of the listing was read and recomputed from its current state. */
  reconciled: boolean;
}

/**
 * Recomputes one listing's matches. Each published listing is scored against
 * candidates of the other side; pairs at or above the threshold are written
 * (one match per pair, under an `_id` derived from the pair), the rest are
 * deactivated. Every read and write is by `_id`, through the listing's key
 * of matches when the matches of non-candidates may be stale too.
 *
 * The pairs a pass creates are announced by one `match.created` event,
 * carried by the listing in the same write that records when it announced
 * (`matchedAt`); a pass interrupted before that write leaves pairs it
 * created (`origin` the listing, created after `matchedAt`), which the next
 * pass announces. So no new pair goes unannounced, and none twice.
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
  const [candidateIds, activeOrgs] = await Promise.all([
    isLive(listing) ? findCandidates(ctx, type, listing) : [],
    activeOrganizations(ctx, [listing.organizationId]),
  ]);
  if (!isLive(listing) || !activeOrgs.has(String(listing.organizationId))) {
    // A listing never published never had a match.
    if (listing.publishedAt) {
      const stored = await matches.ofListing(type, id, options.inFlight);
      await mapLimit(
        stored.filter((m) => m.active),
        options.inFlight,
        (m) => matches.update(m._id, { active: false }),
      );
    }
    return { complete: true, reconciled: false };
  }
  // Every match of the listing, or only those of the candidates when no other can be stale.
  const scan = options.scanAll || !options.reconciled;
  const store = listingStore(ctx.db);
  const [counterparts, stored] = await Promise.all([
    store.findEachById(otherType, candidateIds, undefined, options.inFlight),
    scan ? matches.ofListing(type, id, options.inFlight) : matches.forPairs(type, id, candidateIds, options.inFlight),
  ]);
  const storedWith = new Map(stored.map((m) => [String(m[otherKey]), m]));
  const pairs: Pair[] = counterparts.map((c) => ({ counterpart: c, existing: storedWith.get(String(c._id)) ?? null }));
  if (scan) {
    // Matches with listings that are not candidates now: recomputed too (or deactivated, the counterpart gone).
    const candidates = new Set(counterparts.map((c) => String(c._id)));
    const others = stored.filter((m) => !candidates.has(String(m[otherKey])));
    const found = await store.findEachById(
      otherType,
      others.map((m) => m[otherKey]),
      undefined,
      options.inFlight,
    );
    pairs.push(...found.map((c) => ({ counterpart: c, existing: storedWith.get(String(c._id)) ?? null })));
    const present = new Set(found.map((c) => String(c._id)));
    const gone = others.filter((m) => m.active && !present.has(String(m[otherKey])));
    for (const m of gone) await matches.update(m._id, { active: false });
  }
  const created = await applyAll(ctx, type, listing, pairs, options.inFlight);
  // Pairs an interrupted pass of this listing created and did not announce.
  const since = listing.matchedAt ? new Date(listing.matchedAt).getTime() : 0;
  for (const m of stored)
    if (
      m.active &&
      String(m.origin) === id &&
      new Date(m.createdAt).getTime() > since &&
      !created.includes(String(m._id))
    )
      created.push(String(m._id));
  if (created.length) {
    const events = [ctx.events.create('match.created', { type, listingId: id, matchIds: created })];
    await store.write(type, id, carry({ $set: { matchedAt: new Date() } }, events), { timestamps: false });
    await ctx.events.relay(store.sources[type], id, events);
  }
  // Not yet in the index: look again once it is, for counterparts that missed it meanwhile.
  return { complete: !listing.searchDirty, reconciled: scan };
}

/**
 * Scores the listing against each counterpart and writes what changed (each
 * pair its own document, so the writes go in parallel). New pairs are
 * created, the best first, only until the listing has `matchLimit` active
 * matches among them; stored pairs are always kept up to date. This bounds
 * the work and the announcements for a listing with many similar
 * counterparts (a bulk import of near-identical rows). Resolves with the ids
 * of the pairs that are new, best score first.
 */
async function applyAll(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  pairs: Pair[],
  inFlight: number,
): Promise<string[]> {
  const orgIds = pairs.map((p) => String(p.counterpart.organizationId));
  const [activeOrgs, tunings] = await Promise.all([
    activeOrganizations(ctx, orgIds),
    // Each organisation's repeated "Không phù hợp" reasons (see shared/src/matching/feedback.ts).
    feedbackStore(ctx.db).tunings([String(listing.organizationId), ...orgIds]),
  ]);
  const scored = pairs.map(({ counterpart, existing }) => {
    const live =
      isLive(counterpart) &&
      activeOrgs.has(String(counterpart.organizationId)) &&
      String(counterpart.organizationId) !== String(listing.organizationId);
    const [offer, demand] = (type === 'offer' ? [listing, counterpart] : [counterpart, listing]) as [Offer, Demand];
    const tuning = combineTunings(
      tunings.get(String(offer.organizationId)),
      tunings.get(String(demand.organizationId)),
    );
    return { offer, demand, existing, result: live ? scoreMatch(offer, demand, tuning) : null };
  });
  scored.sort((a, b) => (b.result?.score ?? -1) - (a.result?.score ?? -1));
  const holds = (r: Scored | null) => !!r && r.score >= MATCH_THRESHOLD;
  let room = ctx.config.matchLimit - scored.filter((p) => p.existing?.active && holds(p.result)).length;
  const writes = scored.filter(({ existing, result }) => existing || !holds(result) || room-- > 0);
  const created = await mapLimit(writes, inFlight, ({ offer, demand, existing, result }) =>
    apply(ctx, listing, offer, demand, result, existing),
  );
  return created.filter((id) => id !== null);
}

/**
 * Writes only what changed: a new or re-scored match, or the deactivation
 * of one that no longer holds (`result` null: a side is not live). Every
 * write is by `_id`. Resolves with the match's id when the pair is new.
 */
async function apply(
  ctx: AppContext,
  listing: AnyListing,
  offer: Offer,
  demand: Demand,
  result: Scored | null,
  existing: Match | null,
): Promise<string | null> {
  const matches = matchStore(ctx.db);
  if (!result || result.score < MATCH_THRESHOLD) {
    if (existing?.active) await matches.update(existing._id, { active: false, score: result?.score ?? 0 });
    return null;
  }
  const { score, reasons } = result;
  if (existing?.active && existing.score === score && JSON.stringify(existing.reasons) === JSON.stringify(reasons))
    return null;
  const set = { score, reasons, active: true };
  if (existing) {
    await matches.update(existing._id, set);
    return null;
  }
  const sides = {
    offerId: offer._id,
    demandId: demand._id,
    offerOrgId: offer.organizationId,
    demandOrgId: demand.organizationId,
  };
  return matches.insertPair(sides, set, listing._id);
}

/** Which of the given organisations are active (each read by `_id`). */
async function activeOrganizations(ctx: AppContext, ids: unknown[]): Promise<Set<string>> {
  const orgs = await organizationStore(ctx.db).findEachById(ids);
  return new Set(orgs.filter((o) => o.status === 'active').map((o) => String(o._id)));
}
