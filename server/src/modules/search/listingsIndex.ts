import {
  conceptExpansions,
  demandProfile,
  getProvince,
  type ListingLang,
  type ListingType,
  type MatchProfile,
  normalizeVietnamese,
  offerProfile,
  searchTokens,
  sectors as sectorTaxonomy,
  vietnameseSyllables,
} from '@techbridge/shared';
import type { Demand, Offer } from '../listings/model';
import { presentImages } from '../listings/presenter';
import type { Organization } from '../organizations/model';
import { crop } from './highlight';

export const LISTINGS_INDEX = 'listings';

/**
 * The search projection of a published listing. Shown fields keep the
 * listing's own text (normalised); searched fields (`s_*`) hold it as search
 * tokens: every word folded, followed by its marked spelling when it has
 * marks (see searchTokens in shared/src/text), so a query typed with
 * diacritics ranks the listings that wrote the same words first.
 */
export interface ListingSearchDoc {
  id: string;
  listingId: string;
  type: ListingType;
  lang: ListingLang;
  title: string;
  summary: string;
  sectors: string[];
  province: string;
  trl: number | null;
  trlMin: number | null;
  ipStatus: string | null;
  transferModes: string[];
  orgId: string;
  orgName: string;
  orgType: string;
  publishedAt: number;
  /** The cover's thumbnail URL, or null (only published listings have documents, so only public images are here). */
  image: string | null;
  s_title: string;
  s_keywords: string[];
  /** The other phrases of the concepts the listing mentions (synonyms, abbreviations, the other language). */
  s_concepts: string[];
  s_summary: string;
  s_sectors: string;
  s_places: string;
  s_org: string;
  s_body: string;
  /** What the matcher scores a candidate from (never searched, never shown by the API). */
  m: MatchProfile;
  /** When the profile was read (its `u`): whether a profile read earlier is still this one. */
  mu: number;
}

/** What a search document says of a listing without the matcher's profile (saved searches check these). */
export type ListingSearchFields = Omit<ListingSearchDoc, 'm' | 'mu'>;

export const facetAttributes = {
  type: 'type',
  sector: 'sectors',
  province: 'province',
  trl: 'trl',
  ipStatus: 'ipStatus',
  transferMode: 'transferModes',
  orgType: 'orgType',
} as const;

export const searchDocId = (type: ListingType, id: string) => `${type}-${id}`;

/** A province by its current name, the names it had before 2025, and its region. */
function placesOf(code: string): string {
  const p = getProvince(code);
  return p ? searchTokens([p.name, ...p.legacyNames, p.region].join(' · ')) : code;
}

function sectorLabels(codes: string[]): string {
  return searchTokens(
    codes
      .map((c) => sectorTaxonomy.find((s) => s.code === c))
      .filter((s) => s !== undefined)
      .map((s) => `${s.vi} ${s.en}`)
      .join(' · '),
  );
}

/** The time a listing was last written, which a match profile records (see MatchProfile). */
export const updatedAtOf = (listing: Pick<Offer, 'updatedAt'>) => new Date(listing.updatedAt ?? 0).getTime();

export function toSearchDoc(
  type: ListingType,
  listing: Offer | Demand,
  org: Pick<Organization, 'name' | 'type'>,
): ListingSearchDoc {
  const updatedAt = updatedAtOf(listing);
  return {
    ...searchFieldsOf(type, listing, org),
    m: type === 'offer' ? offerProfile(listing as Offer, updatedAt) : demandProfile(listing as Demand, updatedAt),
    mu: updatedAt,
  };
}

/** A listing's search document but for its match profile (the costlier part to compute). */
export function searchFieldsOf(
  type: ListingType,
  listing: Offer | Demand,
  org: Pick<Organization, 'name' | 'type'>,
): ListingSearchFields {
  const offer = type === 'offer' ? (listing as Offer) : null;
  const demand = type === 'demand' ? (listing as Demand) : null;
  const summary = offer ? offer.summary : crop(demand?.problem ?? '', 400);
  const body = offer
    ? [offer.description, ...(offer.applications ?? [])].join('\n')
    : [demand?.problem, demand?.requirements].filter(Boolean).join('\n');
  const translated = [listing.translation?.title, listing.translation?.summary].filter((t): t is string => !!t);
  const id = String(listing._id);
  return {
    id: searchDocId(type, id),
    listingId: id,
    type,
    lang: (listing.lang ?? 'vi') as ListingLang,
    title: normalizeVietnamese(listing.title),
    summary: normalizeVietnamese(summary),
    sectors: listing.sectors,
    province: listing.province,
    trl: offer?.trl ?? null,
    trlMin: demand?.trlMin ?? null,
    ipStatus: offer?.ip?.status ?? null,
    transferModes: listing.transferModes,
    orgId: String(listing.organizationId),
    orgName: org.name,
    orgType: org.type,
    publishedAt: (listing.publishedAt ?? listing.updatedAt ?? new Date()).valueOf(),
    image: presentImages(type, listing)[0]?.thumbUrl ?? null,
    s_title: searchTokens([listing.title, listing.translation?.title ?? ''].join(' · ')),
    s_keywords: listing.keywords.map(searchTokens),
    s_concepts: conceptExpansions([listing.title, ...listing.keywords, summary, body, ...translated]),
    s_summary: searchTokens([summary, listing.translation?.summary ?? ''].join(' · ')),
    s_sectors: sectorLabels(listing.sectors),
    s_places: placesOf(listing.province),
    s_org: searchTokens(org.name),
    s_body: searchTokens(body).slice(0, 20_000),
  };
}

export const listingsIndexSettings = {
  searchableAttributes: [
    's_title',
    's_keywords',
    's_concepts',
    's_summary',
    's_sectors',
    's_places',
    's_org',
    's_body',
  ],
  displayedAttributes: [
    'id',
    'listingId',
    'type',
    'lang',
    'title',
    'summary',
    'sectors',
    'province',
    'trl',
    'trlMin',
    'ipStatus',
    'transferModes',
    'orgId',
    'orgName',
    'orgType',
    'publishedAt',
    'image',
    'm',
    'mu',
  ],
  filterableAttributes: [
    'type',
    'lang',
    'sectors',
    'province',
    'trl',
    'trlMin',
    'ipStatus',
    'transferModes',
    'orgType',
    'orgId',
  ],
  sortableAttributes: ['publishedAt', 'trl'],
  // Synonyms are the listings' own concept expansions (s_concepts), phrase by phrase.
  synonyms: {},
  /**
   * A real Vietnamese syllable is never matched as a misspelling of another:
   * folded, many lie one letter apart ("trường" and "thương", "thanh" and
   * "thạch"). Other words (English ones, slips that are no syllable) keep
   * the engine's tolerance.
   */
  typoTolerance: { disableOnWords: [...vietnameseSyllables].filter((s) => s.length >= 5) },
  pagination: { maxTotalHits: 100_000 },
  faceting: { maxValuesPerFacet: 100 },
  // Facet counts come with every search; nothing searches within facet values, so that index is not built.
  facetSearch: false,
};
