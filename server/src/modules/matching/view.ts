import type { MatchDto, MatchListingRef } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { listingStore } from '../listings/store';
import { organizationStore } from '../organizations/store';
import type { Match } from './model';
import { presentMatch } from './presenter';

/** Presents matches for a viewer, loading both listings' titles and organisations by `_id`. */
export async function presentMatches(
  ctx: AppContext,
  matches: Match[],
  viewerOrgId: string | null,
): Promise<MatchDto[]> {
  const store = listingStore(ctx.db);
  const fields = { title: 1, organizationId: 1 } as const;
  const [offers, demands] = await Promise.all([
    store.findEachById(
      'offer',
      matches.map((m) => m.offerId),
      fields,
    ),
    store.findEachById(
      'demand',
      matches.map((m) => m.demandId),
      fields,
    ),
  ]);
  const orgs = await organizationStore(ctx.db).mapById([...offers, ...demands].map((l) => l.organizationId));
  const refs = new Map<string, MatchListingRef>();
  for (const l of [...offers, ...demands]) {
    refs.set(String(l._id), {
      id: String(l._id),
      title: l.title,
      organization: { id: String(l.organizationId), name: orgs.get(String(l.organizationId))?.name ?? '' },
    });
  }
  return matches
    .filter((m) => refs.has(String(m.offerId)) && refs.has(String(m.demandId)))
    .map((m) => presentMatch(m, refs.get(String(m.offerId))!, refs.get(String(m.demandId))!, viewerOrgId));
}

/** Best first, ties by id (a stable order). */
export const byScore = (a: Match, b: Match) => b.score - a.score || String(a._id).localeCompare(String(b._id));
