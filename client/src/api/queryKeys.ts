import type { ListingType } from '@techbridge/shared';

/** TanStack Query keys, one family per resource, so mutations can invalidate by prefix. */
export const queryKeys = {
  search: (query: string) => ['search', query] as const,
  searchAll: ['search'] as const,
  /** The viewer is part of the key: policies and confidential details depend on who asks. */
  listing: (type: ListingType, id: string, viewerId?: string | null) =>
    viewerId === undefined
      ? (['listing', type, id] as const)
      : (['listing', type, id, viewerId ?? 'anonymous'] as const),
  listingsAll: ['listing'] as const,
  mine: (type: ListingType) => ['mine', type] as const,
  mineAll: ['mine'] as const,
  organization: (id: string) => ['organization', id] as const,
  moderationQueue: ['admin', 'listings'] as const,
  unverifiedOrganizations: ['admin', 'organizations'] as const,
  adminAll: ['admin'] as const,
};
