import type { AppContext } from '../../context';
import type { AuthUser } from '../../platform/principal';
import { countLiveListings } from '../search/query';
import type { Organization } from './model';
import { presentProfile } from './presenter';

/** The profile as `viewer` sees it; live listings are what the search index holds (counted there). */
export async function profileFor(ctx: AppContext, org: Organization, viewer: AuthUser | null) {
  return presentProfile(org, await countLiveListings(ctx.search, String(org._id)), {
    signedIn: !!viewer,
    member: !!viewer?.organizationId && viewer.organizationId === String(org._id),
  });
}
