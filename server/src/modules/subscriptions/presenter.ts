import type { SavedSearchDto, SavedSearchInput } from '@techbridge/shared';
import type { SavedSearch } from './model';

export function presentSavedSearch(s: SavedSearch): SavedSearchDto {
  return {
    id: String(s._id),
    name: s.name,
    query: s.query as SavedSearchInput['query'],
    createdAt: new Date(s.createdAt).toISOString(),
  };
}
