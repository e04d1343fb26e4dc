import {
  combineTunings,
  decodeTerms,
  demandTerms,
  type ListingType,
  MATCH_THRESHOLD,
  type MatchProfile,
  type MatchReason,
  type MatchTuning,
  offerTerms,
  scoreMatch,
  type Term,
} from '@techbridge/shared';
import type { AppContext } from '../../context';
import { carry } from '../../platform/events/pending';
import { mapLimit } from '../../platform/lib/mapLimit';
import type { AnyListing, Demand, Offer } from '../listings/model';
import { listingStore } from '../listings/store';
import { organizationStore } from '../organizations/store';
import { updatedAtOf } from '../search/listingsIndex';
import { type Candidate, findCandidates } from './candidates';
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
  /** A pass of the backlog (not of a user's write): its announcements go through the delivery loop. */
  background?: boolean;
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
  const [candidates, activeOrgs, keyIds] = await Promise.all([
    isLive(listing) ? findCandidates(ctx, type, listing) : [],
    activeOrganizations(ctx, [listing.organizationId]),
    // The listing's key of matches: which pairs exist, in one read.
    listing.publishedAt ? matches.idsOfListing(type, id) : [],
  ]);
  if (!isLive(listing) || !activeOrgs.has(String(listing.organizationId))) {
    // A listing never published never had a match.
    const stored = await matches.findEachById(keyIds, options.inFlight);
    await mapLimit(
      stored.filter((m) => m.active),
      options.inFlight,
      (m) => matches.update(m._id, { active: false }),
    );
    return { complete: true, reconciled: false };
  }
  // Every match of the listing, or only those of the candidates when no other can be stale.
  const scan = options.scanAll || !options.reconciled;
  const exists = new Set(keyIds);
  const stored = await matches.findEachById(
    scan ? keyIds : candidates.map((c) => matches.pairId(type, id, c.listingId)).filter((m) => exists.has(m)),
    options.inFlight,
  );
  const storedWith = new Map(stored.map((m) => [String(m[otherKey]), m]));
  const own = type === 'offer' ? offerTerms(listing as Offer) : demandTerms(listing as Demand);
  const tunings = await feedbackStore(ctx.db).tunings([
    String(listing.organizationId),
    ...candidates.map((c) => c.orgId),
  ]);
  const profiles = new Map(candidates.filter((c) => c.m).map((c) => [c.listingId, c.m]));
  // Each candidate's terms decoded once, for the screen and the scoring.
  const decoded = new Map<string, Map<string, Term>>();
  const termsOf = (listingId: string, profile: MatchProfile) => {
    const terms = decoded.get(listingId) ?? decodeTerms(profile.t);
    decoded.set(listingId, terms);
    return terms;
  };
  // Candidates with no match yet: scored from their search documents, and only the best read.
  const room = ctx.config.matchLimit - stored.filter((m) => m.active).length;
  const fresh = candidates
    .filter((c) => !storedWith.has(c.listingId))
    .map((c) => ({
      c,
      score: c.m ? screen(type, listing, own, c, termsOf(c.listingId, c.m), tunings) : MATCH_THRESHOLD,
    }))
    .filter(({ score }) => score >= MATCH_THRESHOLD)
    .sort((x, y) => y.score - x.score)
    // A few more than there is room for: one read may turn out gone or changed since it was indexed.
    .slice(0, Math.max(0, room) + SPARE_READS);
  const store = listingStore(ctx.db);
  const counterparts = await store.findEachById(
    otherType,
    [
      ...candidates.filter((c) => storedWith.has(c.listingId)).map((c) => c.listingId),
      ...fresh.map((f) => f.c.listingId),
    ],
    undefined,
    options.inFlight,
  );
  const pairs: Pair[] = counterparts.map((c) => ({ counterpart: c, existing: storedWith.get(String(c._id)) ?? null }));
  if (scan) {
    // Matches with listings that are not candidates now: recomputed too (or deactivated, the counterpart gone).
    const candidateIds = new Set(candidates.map((c) => c.listingId));
    const others = stored.filter((m) => !candidateIds.has(String(m[otherKey])));
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
  const created = await applyAll(ctx, type, listing, pairs, {
    own,
    profiles,
    termsOf,
    tunings,
    inFlight: options.inFlight,
  });
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
    await ctx.events.relay(store.sources[type], id, events, { background: options.background });
  }
  // Not yet in the index: look again once it is, for counterparts that missed it meanwhile.
  return { complete: !listing.searchDirty, reconciled: scan };
}

/** Reads beyond the room for new matches, in case a candidate changed or left since it was indexed. */
const SPARE_READS = 3;

/**
 * A candidate's score from its search document alone: the same score the
 * pass then computes from the stored listing (the profile holds what scoring
 * reads), unless the listing changed since it was indexed — which its own
 * pass, once it is indexed again, takes care of.
 */
function screen(
  type: ListingType,
  listing: AnyListing,
  own: Map<string, Term>,
  c: Candidate,
  other: Map<string, Term>,
  tunings: Map<string, MatchTuning>,
): number {
  const m = c.m as MatchProfile;
  const fields = { title: '', keywords: [], sectors: c.sectors, province: c.province, transferModes: c.transferModes };
  const tuning = combineTunings(tunings.get(String(listing.organizationId)), tunings.get(c.orgId));
  if (type === 'offer') {
    const demand = { ...fields, problem: '', trlMin: c.trlMin, budget: { max: m.b } };
    return scoreMatch(listing as Offer, demand, tuning, { offer: own, demand: other }).score;
  }
  const offer = { ...fields, summary: '', trl: c.trl ?? 0, price: { min: m.p, negotiable: m.n } };
  return scoreMatch(offer, listing as Demand, tuning, { offer: other, demand: own }).score;
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
  known: {
    own: Map<string, Term>;
    profiles: Map<string, MatchProfile>;
    termsOf: (listingId: string, profile: MatchProfile) => Map<string, Term>;
    tunings: Map<string, MatchTuning>;
    inFlight: number;
  },
): Promise<string[]> {
  const orgIds = pairs.map((p) => String(p.counterpart.organizationId));
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
    return profile && profile.u === updatedAtOf(c) ? known.termsOf(String(c._id), profile) : undefined;
  };
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
    const terms =
      type === 'offer'
        ? { offer: known.own, demand: termsOf(counterpart) }
        : { offer: termsOf(counterpart), demand: known.own };
    return { offer, demand, existing, result: live ? scoreMatch(offer, demand, tuning, terms) : null };
  });
  scored.sort((a, b) => (b.result?.score ?? -1) - (a.result?.score ?? -1));
  const holds = (r: Scored | null) => !!r && r.score >= MATCH_THRESHOLD;
  let room = ctx.config.matchLimit - scored.filter((p) => p.existing?.active && holds(p.result)).length;
  const writes = scored.filter(({ existing, result }) => existing || !holds(result) || room-- > 0);
  // Stored pairs: each updated by `_id` when it changed. New pairs: created together, in one bulk write.
  await mapLimit(
    writes.filter((w) => w.existing),
    known.inFlight,
    ({ result, existing }) => update(ctx, result, existing as Match),
  );
  const fresh = writes.filter((w) => !w.existing && holds(w.result));
  return matchStore(ctx.db).insertPairs(
    fresh.map(({ offer, demand, result }) => ({
      sides: {
        offerId: offer._id,
        demandId: demand._id,
        offerOrgId: offer.organizationId,
        demandOrgId: demand.organizationId,
      },
      fields: { score: result?.score, reasons: result?.reasons, active: true },
    })),
    listing._id,
  );
}

/**
 * Writes a stored pair only if it changed: re-scored, or deactivated when it
 * no longer holds (`result` null: a side is not live). By `_id`.
 */
async function update(ctx: AppContext, result: Scored | null, existing: Match): Promise<void> {
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

/** Which of the given organisations are active (each read by `_id`). */
async function activeOrganizations(ctx: AppContext, ids: unknown[]): Promise<Set<string>> {
  const orgs = await organizationStore(ctx.db).findEachById(ids);
  return new Set(orgs.filter((o) => o.status === 'active').map((o) => String(o._id)));
}
