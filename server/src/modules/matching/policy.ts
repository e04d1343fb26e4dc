import type { AuthUser } from '../../platform/principal';

interface MatchLike {
  offerOrgId: unknown;
  demandOrgId: unknown;
}

/** Only the two organisations of a match (and administrators) may read it. */
export function canReadMatch(viewer: AuthUser, match: MatchLike): boolean {
  return viewer.role === 'admin' || matchSide(viewer, match) !== null;
}

/** Which side of the match the viewer's organisation is on, if any. */
export function matchSide(viewer: AuthUser, match: MatchLike): 'offer' | 'demand' | null {
  if (!viewer.organizationId) return null;
  if (viewer.organizationId === String(match.offerOrgId)) return 'offer';
  if (viewer.organizationId === String(match.demandOrgId)) return 'demand';
  return null;
}
