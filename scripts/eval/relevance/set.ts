import fs from 'node:fs';
import path from 'node:path';
import {
  type DemandInput,
  demandCreateSchema,
  type ListingType,
  type OfferInput,
  offerCreateSchema,
  organizationTypeCodes,
  provinceCodes,
  sectorCodes,
} from '@techbridge/shared';

/**
 * The labelled relevance set (the JSON files beside this module): organisations,
 * offers and demands, graded queries and the expert's demand → offer pairs.
 * Loading validates every listing with the shared create schemas and every
 * reference between the files, so a typo in a label fails loudly instead of
 * silently lowering a score.
 */

export const queryCategories = [
  'diacritics',
  'compound',
  'abbreviation',
  'english',
  'legacy_province',
  'typo',
  'plain',
] as const;
export type QueryCategory = (typeof queryCategories)[number];

export interface SetOrganization {
  key: string;
  name: string;
  type: string;
  province: string;
  sectors: string[];
  /** A foreign partner, writing in English. */
  foreign?: boolean;
}

export interface SetListing<T extends ListingType = ListingType> {
  key: string;
  /** Key of the owner organisation. */
  org: string;
  type: T;
  /** The create input, already parsed (defaults applied) by the shared schema. */
  input: T extends 'offer' ? OfferInput : DemandInput;
}

export interface SetQuery {
  id: string;
  category: QueryCategory;
  q: string;
  /** Extra GET /api/search parameters (type, province, lang, sector…). */
  filters?: Record<string, string>;
  /** Listing key → grade: 3 exactly what was asked, 2 relevant, 1 marginal. */
  relevant: Record<string, number>;
  note?: string;
}

export interface SetPair {
  demand: string;
  /** The offers a domain expert would put forward (complete). */
  relevantOffers: string[];
  /** Pairs a naive matcher makes that the expert rejects. */
  wrongOffers: string[];
}

export interface RelevanceSet {
  organizations: SetOrganization[];
  offers: SetListing<'offer'>[];
  demands: SetListing<'demand'>[];
  queries: SetQuery[];
  pairs: SetPair[];
}

export const RELEVANCE_SET_DIR = __dirname;

const readJson = (dir: string, file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

function fail(problems: string[]): never {
  throw new Error(`The relevance set is inconsistent:\n  ${problems.join('\n  ')}`);
}

export function loadRelevanceSet(dir = RELEVANCE_SET_DIR): RelevanceSet {
  const problems: string[] = [];
  const organizations: SetOrganization[] = readJson(dir, 'organizations.json').organizations;
  const raw = readJson(dir, 'listings.json') as { offers: RawListing[]; demands: RawListing[] };
  const queries: SetQuery[] = readJson(dir, 'queries.json').queries;
  const pairs: SetPair[] = readJson(dir, 'pairs.json').pairs;

  const orgKeys = new Set<string>();
  for (const o of organizations) {
    if (orgKeys.has(o.key)) problems.push(`organisation ${o.key}: duplicate key`);
    orgKeys.add(o.key);
    if (!organizationTypeCodes.includes(o.type)) problems.push(`organisation ${o.key}: unknown type ${o.type}`);
    if (!provinceCodes.includes(o.province)) problems.push(`organisation ${o.key}: unknown province ${o.province}`);
    for (const s of o.sectors)
      if (!sectorCodes.includes(s)) problems.push(`organisation ${o.key}: unknown sector ${s}`);
  }

  const types = new Map<string, ListingType>();
  const parse = <T extends ListingType>(type: T, list: RawListing[]): SetListing<T>[] =>
    list.map((l) => {
      if (types.has(l.key)) problems.push(`listing ${l.key}: duplicate key`);
      types.set(l.key, type);
      if (!orgKeys.has(l.org)) problems.push(`listing ${l.key}: unknown organisation ${l.org}`);
      const parsed = (type === 'offer' ? offerCreateSchema : demandCreateSchema).safeParse(l.input);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        problems.push(`listing ${l.key}: invalid input (${issues})`);
      }
      return { key: l.key, org: l.org, type, input: parsed.data } as SetListing<T>;
    });
  const offers = parse('offer', raw.offers);
  const demands = parse('demand', raw.demands);

  const queryIds = new Set<string>();
  for (const q of queries) {
    if (queryIds.has(q.id)) problems.push(`query ${q.id}: duplicate id`);
    queryIds.add(q.id);
    if (!queryCategories.includes(q.category)) problems.push(`query ${q.id}: unknown category ${q.category}`);
    if (!q.q.trim()) problems.push(`query ${q.id}: empty`);
    for (const [key, grade] of Object.entries(q.relevant)) {
      if (!types.has(key)) problems.push(`query ${q.id}: unknown listing ${key}`);
      if (![1, 2, 3].includes(grade)) problems.push(`query ${q.id}: grade of ${key} is not 1, 2 or 3`);
    }
    if (!Object.values(q.relevant).some((g) => g >= 2)) problems.push(`query ${q.id}: no listing of grade 2 or 3`);
  }

  const paired = new Set<string>();
  for (const p of pairs) {
    if (types.get(p.demand) !== 'demand') problems.push(`pairs: ${p.demand} is not a demand`);
    if (paired.has(p.demand)) problems.push(`pairs: ${p.demand} twice`);
    paired.add(p.demand);
    for (const o of [...p.relevantOffers, ...p.wrongOffers])
      if (types.get(o) !== 'offer') problems.push(`pairs ${p.demand}: ${o} is not an offer`);
    for (const o of p.wrongOffers)
      if (p.relevantOffers.includes(o)) problems.push(`pairs ${p.demand}: ${o} both relevant and wrong`);
  }
  for (const d of demands) if (!paired.has(d.key)) problems.push(`pairs: demand ${d.key} has no entry`);

  if (problems.length) fail(problems);
  return { organizations, offers, demands, queries, pairs };
}

interface RawListing {
  key: string;
  org: string;
  input: unknown;
}
