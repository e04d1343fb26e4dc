import { resolveProvince, type SavedSearchInput, searchTokens } from '@techbridge/shared';
import type { ListingSearchFields } from './listingsIndex';

/**
 * Whether a newly published listing falls within a saved search: the same
 * filters as GET /api/search, and every search token of the query present
 * (a word typed with marks must be there with the same marks; the last may be
 * a prefix), in the listing's text or its concepts' other phrases.
 */
export function savedSearchMatches(query: SavedSearchInput['query'], doc: ListingSearchFields): boolean {
  if (query.type && doc.type !== query.type) return false;
  if (query.sector?.length && !query.sector.some((s) => doc.sectors.includes(s))) return false;
  if (query.province && resolveProvince(query.province)?.code !== doc.province) return false;
  if (query.trlMin && (doc.trl === null || doc.trl < query.trlMin)) return false;
  if (query.ipStatus?.length && (!doc.ipStatus || !query.ipStatus.includes(doc.ipStatus))) return false;
  if (query.transferMode?.length && !query.transferMode.some((m) => doc.transferModes.includes(m))) return false;
  if (query.orgType && doc.orgType !== query.orgType) return false;
  if (query.org && doc.orgId !== query.org) return false;
  const q = (query.q ?? '').trim();
  if (!q) return true;
  // The listing's search tokens, its concepts' other phrases included (synonyms, the other language).
  const text = [
    doc.s_title,
    ...doc.s_keywords,
    ...doc.s_concepts,
    doc.s_summary,
    doc.s_sectors,
    doc.s_places,
    doc.s_org,
    doc.s_body,
  ];
  const words = new Set(text.join(' ').split(' ').filter(Boolean));
  const wanted = searchTokens(q).split(' ').filter(Boolean);
  return wanted.every((w, i) => words.has(w) || (i === wanted.length - 1 && [...words].some((x) => x.startsWith(w))));
}
