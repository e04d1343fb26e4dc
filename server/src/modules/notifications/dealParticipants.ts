import type { NotificationType } from '@techbridge/shared';
import type { AppContext } from '../../context';
import type { AuthUser } from '../../platform/principal';
import type { Deal } from '../deals/model';
import { participantOrgIds } from '../deals/policy';
import type { DealUpdateReason } from '../domainEvents';
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

type Audience = { type: NotificationType; users: string[]; extra?: Record<string, unknown> };

/** Who hears of a deal's change, and as what (each member once: the first group that names them). */
export function dealUpdateAudience(
  reason: DealUpdateReason,
  members: AuthUser[],
  orgOf: { owner: string; initiator: string },
  deal: Deal,
): Audience[] {
  const ids = (list: AuthUser[]) => list.map((m) => m.id);
  const inOrg = (org: string) => members.filter((m) => m.organizationId === org);
  if (reason === 'proposal.attachment') return [];
  if (reason === 'proposal.submitted' || reason === 'proposal.updated')
    return [{ type: 'deal.proposal', users: ids(inOrg(orgOf.owner)) }];
  if (reason === 'proposal.shortlisted' || reason === 'proposal.declined')
    return [
      {
        type: reason === 'proposal.shortlisted' ? 'deal.proposal_shortlisted' : 'deal.proposal_declined',
        users: ids(inOrg(orgOf.initiator)),
        extra: reason === 'proposal.declined' ? { declineReason: deal.proposal?.reason ?? '' } : {},
      },
    ];
  if (reason === 'stage.proposed' && deal.pending) {
    const awaited = new Set(deal.pending.awaiting.map((r) => orgOf[r as 'owner' | 'initiator']));
    const asked = members.filter((m) => awaited.has(m.organizationId ?? ''));
    const extra = { proposed: deal.pending.stage, by: deal.pending.byName };
    return [
      { type: 'deal.confirm', users: ids(asked), extra },
      { type: 'deal.stage', users: ids(members.filter((m) => !asked.includes(m))), extra },
    ];
  }
  return [{ type: reason.startsWith('nda') ? 'deal.nda' : 'deal.stage', users: ids(members) }];
}
