import {
  foldVietnamese,
  getProvince,
  type ListingLang,
  type ListingType,
  sectors as sectorTaxonomy,
  synonymGroups,
} from '@techbridge/shared';
import type { Demand, Offer } from '../listings/model';
import type { Organization } from '../organizations/model';
import { crop } from './highlight';

export const LISTINGS_INDEX = 'listings';

/**
 * The search projection of a published listing. Meilisearch does not fold
 * Vietnamese diacritics, so every searchable field is indexed folded
 * (`f_*`) and queries are folded the same way; the original text is kept for
 * display and highlighting.
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
  f_title: string;
  f_keywords: string[];
  f_summary: string;
  f_sectors: string;
  f_places: string;
  f_org: string;
  f_body: string;
}

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

function placesOf(code: string): string {
  const p = getProvince(code);
  return p ? foldVietnamese([p.name, ...p.legacyNames, p.region].join(' · ')) : code;
}

function sectorLabels(codes: string[]): string {
  return foldVietnamese(
    codes
      .map((c) => sectorTaxonomy.find((s) => s.code === c))
      .filter((s) => s !== undefined)
      .map((s) => `${s.vi} ${s.en}`)
      .join(' · '),
  );
}

export function toSearchDoc(
  type: ListingType,
  listing: Offer | Demand,
  org: Pick<Organization, 'name' | 'type'>,
): ListingSearchDoc {
  const offer = type === 'offer' ? (listing as Offer) : null;
  const demand = type === 'demand' ? (listing as Demand) : null;
  const summary = offer ? offer.summary : crop(demand?.problem ?? '', 400);
  const body = offer
    ? [offer.description, ...(offer.applications ?? [])].join('\n')
    : [demand?.problem, demand?.requirements].filter(Boolean).join('\n');
  const id = String(listing._id);
  return {
    id: searchDocId(type, id),
    listingId: id,
    type,
    lang: (listing.lang ?? 'vi') as ListingLang,
    title: listing.title,
    summary,
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
    f_title: foldVietnamese(listing.title),
    f_keywords: listing.keywords.map(foldVietnamese),
    f_summary: foldVietnamese(summary),
    f_sectors: sectorLabels(listing.sectors),
    f_places: placesOf(listing.province),
    f_org: foldVietnamese(org.name),
    f_body: foldVietnamese(body).slice(0, 20_000),
  };
}

/** Synonym groups, folded like the indexed text: every term finds every other term of its group. */
export function foldedSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of synonymGroups) {
    const terms = [...new Set(group.map(foldVietnamese))];
    for (const term of terms) {
      synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...terms.filter((t) => t !== term)])];
    }
  }
  return synonyms;
}

export const listingsIndexSettings = {
  searchableAttributes: ['f_title', 'f_keywords', 'f_summary', 'f_sectors', 'f_places', 'f_org', 'f_body'],
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
  synonyms: foldedSynonyms(),
  pagination: { maxTotalHits: 100_000 },
  faceting: { maxValuesPerFacet: 100 },
};
