import { MATCH_STRONG, registerSchema, type SearchResponse } from '@techbridge/shared';
import type { Workers } from '../../../server/src/boot';
import type { AppContext } from '../../../server/src/context';
import { registerAccount } from '../../../server/src/modules/accounts/commands/registerAccount';
import { publishListing } from '../../../server/src/modules/listings/commands/changeStatus';
import { createListing } from '../../../server/src/modules/listings/commands/createListing';
import { mapLimit } from '../../../server/src/platform/lib/mapLimit';
import type { AuthUser } from '../../../server/src/platform/principal';
import {
  type MatchingSummary,
  type MatchRow,
  type QueryScores,
  type RankingSummary,
  scoreQuery,
  summarizeMatching,
  summarizeRanking,
} from './metrics';
import { type QueryCategory, queryCategories, type RelevanceSet, type SetQuery } from './set';

/**
 * The app-facing steps of the relevance evaluation: load the set through the
 * real write paths, wait for indexing and matching, query the real HTTP API
 * and read the matches the matcher stored.
 */

export interface LoadedSet {
  idByKey: Map<string, string>;
  keyById: Map<string, string>;
  titleByKey: Map<string, string>;
}

const PASSWORD = 'TechBridge@2026';
/** Registrations and draft creations kept in flight (publication is one at a time, in order). */
const IN_FLIGHT = 4;

/**
 * Creates every organisation (verified) with its owner through the accounts
 * command, then every listing through the listings commands: create, then
 * publish, as the seeds and the routes do; offers first, then demands,
 * published one at a time in the set's order.
 *
 * The search sync and the matcher are paused meanwhile (resume them with
 * indexThenMatch): every listing's matching pass then runs on the complete
 * index, in publication order, so the figures do not depend on how loading
 * and background work interleave. (Matched while loading, the number of
 * pushed pairs of this set varied from 116 to 162 between runs.)
 */
export async function loadSetIntoApp(ctx: AppContext, workers: Workers, set: RelevanceSet): Promise<LoadedSet> {
  await Promise.all([workers.searchSync.stop(), workers.matcher.stop()]);
  const owners = new Map<string, AuthUser>();
  await mapLimit(set.organizations, IN_FLIGHT, async (org) => {
    const input = registerSchema.parse({
      email: `eval-${org.key}@relevance.example.vn`,
      password: PASSWORD,
      name: `Đại diện ${org.name}`.slice(0, 120),
      organization: { name: org.name, type: org.type, province: org.province },
    });
    const { user, organization } = await registerAccount(ctx.db, input, { verified: true });
    owners.set(org.key, {
      id: String(user._id),
      email: user.email,
      name: user.name,
      role: 'user',
      organizationId: String(organization._id),
      orgRole: 'owner',
    });
  });
  const listings = [...set.offers, ...set.demands];
  const drafts = await mapLimit(listings, IN_FLIGHT, (listing) => {
    const owner = owners.get(listing.org);
    if (!owner) throw new Error(`no owner for ${listing.key}`);
    return createListing(ctx, listing.type, owner, listing.input);
  });
  const loaded: LoadedSet = { idByKey: new Map(), keyById: new Map(), titleByKey: new Map() };
  for (const [i, listing] of listings.entries()) {
    const published = await publishListing(ctx, listing.type, drafts[i]);
    if (published.status !== 'published') throw new Error(`${listing.key} was not published (${published.status})`);
    const id = String(drafts[i]._id);
    loaded.idByKey.set(listing.key, id);
    loaded.keyById.set(id, listing.key);
    loaded.titleByKey.set(listing.key, listing.input.title);
  }
  return loaded;
}

/**
 * Resumes the paused workers: builds the index first, then lets the matcher
 * work through every published listing; resolves when nothing is left to do.
 */
export async function indexThenMatch(
  workers: Workers,
  timeoutMs = 180_000,
): Promise<{ indexMs: number; matchMs: number }> {
  const started = Date.now();
  workers.searchSync.start();
  await workers.outbox.settled(timeoutMs);
  await workers.searchSync.settled(timeoutMs);
  const indexed = Date.now();
  workers.matcher.start();
  await workers.matcher.settled(timeoutMs);
  await workers.outbox.settled(timeoutMs);
  await workers.searchSync.settled(timeoutMs);
  await workers.matcher.settled(timeoutMs);
  return { indexMs: indexed - started, matchMs: Date.now() - indexed };
}

export interface QueryResult extends QueryScores {
  id: string;
  category: QueryCategory;
  q: string;
  filters?: Record<string, string>;
  total: number;
  /** The first ten results: key (or '?' for a listing outside the set), title, grade. */
  top: { key: string; title: string; grade: number }[];
  /** Grade 2–3 listings, for a failing query's report. */
  expected: string[];
}

/** Runs every query through GET /api/search (limit 10) on the running app. */
export async function runQueries(url: string, set: RelevanceSet, loaded: LoadedSet): Promise<QueryResult[]> {
  const results: QueryResult[] = [];
  for (const query of set.queries) results.push(await runQuery(url, query, loaded));
  return results;
}

async function runQuery(url: string, query: SetQuery, loaded: LoadedSet): Promise<QueryResult> {
  const params = new URLSearchParams({ q: query.q, limit: '10', ...(query.filters ?? {}) });
  const res = await fetch(`${url}/api/search?${params}`);
  if (!res.ok) throw new Error(`search ${query.id} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as SearchResponse;
  const top = body.hits.map((h) => {
    const key = loaded.keyById.get(h.id) ?? '?';
    return { key, title: h.title, grade: query.relevant[key] ?? 0 };
  });
  return {
    id: query.id,
    category: query.category,
    q: query.q,
    filters: query.filters,
    total: body.total,
    top,
    expected: Object.entries(query.relevant)
      .filter(([, g]) => g >= 2)
      .sort((a, b) => b[1] - a[1])
      .map(([k]) => k),
    ...scoreQuery(
      top.map((t) => t.key),
      query.relevant,
    ),
  };
}

/** Every stored match between listings of the set (a scan: fine for an evaluation). */
export async function readMatches(ctx: AppContext, loaded: LoadedSet): Promise<MatchRow[]> {
  const docs = await ctx.db.connection
    .model('Match')
    .find({}, { offerId: 1, demandId: 1, score: 1, active: 1 })
    .lean<{ offerId: unknown; demandId: unknown; score: number; active: boolean }[]>();
  return docs
    .map((m) => ({
      offer: loaded.keyById.get(String(m.offerId)) ?? '?',
      demand: loaded.keyById.get(String(m.demandId)) ?? '?',
      score: m.score,
      active: m.active,
    }))
    .filter((m) => m.offer !== '?' && m.demand !== '?');
}

export interface RelevanceReport {
  overall: RankingSummary;
  categories: Record<QueryCategory, RankingSummary>;
  matching: MatchingSummary;
  strongThreshold: number;
  queries: QueryResult[];
  counts: { organizations: number; offers: number; demands: number; queries: number; expertPairs: number };
  timings: Record<string, number>;
}

/** Queries the app and reads its matches; the set must have been loaded and settled. */
export async function evaluateRelevance(
  ctx: AppContext,
  url: string,
  set: RelevanceSet,
  loaded: LoadedSet,
): Promise<RelevanceReport> {
  const started = Date.now();
  const queries = await runQueries(url, set, loaded);
  const queriesMs = Date.now() - started;
  const matching = summarizeMatching(await readMatches(ctx, loaded), set.pairs, MATCH_STRONG);
  const categories = Object.fromEntries(
    queryCategories.map((c) => [c, summarizeRanking(queries.filter((q) => q.category === c))]),
  ) as Record<QueryCategory, RankingSummary>;
  return {
    overall: summarizeRanking(queries),
    categories,
    matching,
    strongThreshold: MATCH_STRONG,
    queries,
    counts: {
      organizations: set.organizations.length,
      offers: set.offers.length,
      demands: set.demands.length,
      queries: set.queries.length,
      expertPairs: matching.expertPairs,
    },
    timings: { queriesMs },
  };
}
