import { foldVietnamese, resolveProvince, type SavedSearchInput, termsOf } from '@techbridge/shared';
import type { ListingSearchDoc } from './listingsIndex';

/**
 * Whether a newly published listing falls within a saved search: the same
 * filters as GET /api/search, and every query word present (folded, the last
 * as a prefix) — or, for an abbreviation or synonym, its concept present.
 */
export function savedSearchMatches(query: SavedSearchInput['query'], doc: ListingSearchDoc): boolean {
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
  const text = [doc.f_title, ...doc.f_keywords, doc.f_summary, doc.f_sectors, doc.f_places, doc.f_org, doc.f_body].join(
    ' ',
  );
  const words = new Set(text.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const wanted = foldVietnamese(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const allWords = wanted.every(
    (w, i) => words.has(w) || (i === wanted.length - 1 && [...words].some((x) => x.startsWith(w))),
  );
  if (allWords) return true;
  const concepts = [...termsOf([q])].filter((t) => t.startsWith('concept:'));
  if (!concepts.length) return false;
  const docTerms = termsOf([text]);
  return concepts.every((c) => docTerms.has(c));
}
