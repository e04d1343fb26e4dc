import type { AppContext } from '../../context';
import type { AuthUser } from '../../platform/principal';
import type { Deal } from '../deals/model';
import { participantOrgIds } from '../deals/policy';
import { listingStore } from '../listings/store';
import { membersOf } from './notify';

/** The active members of a deal's participating organisations, as principals. */
export function participants(ctx: AppContext, deal: Deal): Promise<AuthUser[]> {
  return membersOf(ctx, participantOrgIds(deal));
}

/** The title of the listing a deal is about (read by `_id`). */
export async function dealTitle(ctx: AppContext, deal: Deal): Promise<string> {
  return (
    (await listingStore(ctx.db).findById(deal.listingType as 'offer' | 'demand', deal.listingId, { title: 1 }))
      ?.title ?? ''
  );
}
