import type { ListingType } from '@techbridge/shared';

/** TanStack Query keys, one family per resource, so mutations can invalidate by prefix. */
export const queryKeys = {
  search: (query: string) => ['search', query] as const,
  /** The landing page's figures (seeded from the pre-rendered page when there is one). */
  landing: ['landing'] as const,
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
  organizationsAll: ['organization'] as const,
  /** My saved listings ("Đã lưu"), one list per user. */
  bookmarks: ['bookmarks'] as const,
  /** Similar listings of one listing. */
  similar: (type: ListingType, id: string) => ['similar', type, id] as const,
  moderationQueue: ['admin', 'listings'] as const,
  unverifiedOrganizations: ['admin', 'organizations'] as const,
  /** Every organisation (suspension tab, names for verification requests); under the prefix above. */
  adminOrganizations: ['admin', 'organizations', 'all'] as const,
  adminUsers: (q: string) => ['admin', 'users', q] as const,
  verifications: (status: string) => ['admin', 'verifications', status] as const,
  verificationsAll: ['admin', 'verifications'] as const,
  auditLog: (filters: string) => ['admin', 'audit', filters] as const,
  /** My organisation's latest verification request. */
  myVerification: ['verification', 'mine'] as const,
  adminAll: ['admin'] as const,
  /** The bell's latest items plus the unread count. */
  notificationsLatest: ['notifications', 'latest'] as const,
  notificationsPage: (unreadOnly: boolean) => ['notifications', 'page', unreadOnly] as const,
  notificationsAll: ['notifications'] as const,
  matches: (state: string) => ['matches', 'mine', state] as const,
  listingMatches: (type: ListingType, id: string) => ['matches', 'listing', type, id] as const,
  matchesAll: ['matches'] as const,
  deals: (role: 'party' | 'intermediary') => ['deals', 'list', role] as const,
  dealLists: ['deals', 'list'] as const,
  deal: (id: string) => ['deals', 'one', id] as const,
  dealAudit: (id: string) => ['deals', 'audit', id] as const,
  dealsAll: ['deals'] as const,
  ndaText: ['nda'] as const,
  proposals: (demandId: string) => ['deals', 'proposals', demandId] as const,
  mandates: ['mandates'] as const,
  portfolio: (id: string) => ['mandates', 'portfolio', id] as const,
  organizations: (q: string) => ['organizations-by-type', 'all', q] as const,
  intermediaries: (q: string) => ['organizations-by-type', 'intermediary', q] as const,
  savedSearches: ['saved-searches'] as const,
  follows: ['follows'] as const,
  stats: (query: string) => ['stats', query] as const,
  /** Events: lists by filters, and each event's parts under ['events', id]. */
  events: (filters: string) => ['events', 'list', filters] as const,
  eventsAll: ['events'] as const,
  event: (id: string) => ['events', id] as const,
  /** What the API says of an event depends on who asks (organiser, participant). */
  eventInfo: (id: string, viewerId: string | null) => ['events', id, 'info', viewerId ?? 'anonymous'] as const,
  eventPart: (id: string, part: 'participants' | 'suggestions' | 'meetings' | 'schedule' | 'stats') =>
    ['events', id, part] as const,
  teamMembers: ['team', 'members'] as const,
  teamInvitations: ['team', 'invitations'] as const,
  teamAll: ['team'] as const,
  mailPreferences: ['mail-preferences'] as const,
};
