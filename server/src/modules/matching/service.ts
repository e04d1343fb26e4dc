import type { MatchDto, MatchListingRef } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { findEachById } from '../../platform/db';
import type { AnyListing } from '../listings/service';
import type { Match } from './model';
import { presentMatch } from './presenter';

/** Presents matches for a viewer, loading both listings' titles and organisations by `_id`. */
export async function presentMatches(
  ctx: AppContext,
  matches: Match[],
  viewerOrgId: string | null,
): Promise<MatchDto[]> {
  const { models } = ctx.db;
  const [offers, demands] = await Promise.all([
    findEachById<AnyListing>(
      models.Offer,
      matches.map((m) => m.offerId),
      { title: 1, organizationId: 1 },
    ),
    findEachById<AnyListing>(
      models.Demand,
      matches.map((m) => m.demandId),
      { title: 1, organizationId: 1 },
    ),
  ]);
  const orgIds = [...offers, ...demands].map((l) => String(l.organizationId));
  const orgs = await models.Organization.find({ _id: { $in: [...new Set(orgIds)] } }, { name: 1 }).lean();
  const orgName = new Map(orgs.map((o) => [String(o._id), o.name]));
  const refs = new Map<string, MatchListingRef>();
  for (const l of [...offers, ...demands]) {
    refs.set(String(l._id), {
      id: String(l._id),
      title: l.title,
      organization: { id: String(l.organizationId), name: orgName.get(String(l.organizationId)) ?? '' },
    });
  }
  return matches
    .filter((m) => refs.has(String(m.offerId)) && refs.has(String(m.demandId)))
    .map((m) => presentMatch(m, refs.get(String(m.offerId))!, refs.get(String(m.demandId))!, viewerOrgId));
}
