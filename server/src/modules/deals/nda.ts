import { closedStages, type DealDto, type DealStage, NDA } from '@techbridge/shared';
import type { AuthUser } from '../../platform/principal';
import type { Deal } from './model';
import { isOfferOwner, ownerOfOffer, participantOrgIds } from './policy';

/** The organisation that may be granted the offer's confidential details in this deal (none without an offer). */
export function ndaCounterpart(deal: Deal): string | null {
  if (!deal.offerId) return null;
  return (
    participantOrgIds(deal).find((o) => o !== String(ownerOfOffer(deal)) && o !== String(deal.intermediaryOrgId)) ??
    null
  );
}

/** The NDA's state in a deal as a viewer sees it, with the steps the viewer may take. */
export function ndaView(deal: Deal, viewer: AuthUser): DealDto['nda'] {
  const counterpart = ndaCounterpart(deal);
  const required = !!deal.offerId;
  const status = (deal.nda?.status ?? 'none') as DealDto['nda']['status'];
  const owner = isOfferOwner(viewer, deal);
  const isCounterpart = !!counterpart && viewer.organizationId === counterpart;
  const open = !closedStages.includes(deal.stage as DealStage);
  return {
    required,
    version: NDA.version,
    status,
    canAccept: required && isCounterpart && open && status !== 'granted' && status !== 'accepted',
    canApprove: required && owner && open && status === 'accepted',
    canGrant: required && owner && open && status !== 'granted',
    canRevoke: required && owner && status === 'granted',
    acceptedAt: deal.nda?.acceptedAt ? new Date(deal.nda.acceptedAt).toISOString() : null,
    grantedAt: deal.nda?.grantedAt ? new Date(deal.nda.grantedAt).toISOString() : null,
    document: deal.nda?.acceptedAt ? `/api/deals/${deal._id}/nda/document` : null,
  };
}

/** Whether the viewer's organisation sees the deal's offer's confidential details: its owner, or the counterpart once granted. */
export function seesConfidential(deal: Deal, viewer: AuthUser): boolean {
  if (!deal.offerId || !viewer.organizationId) return false;
  return (
    isOfferOwner(viewer, deal) ||
    (deal.nda?.status === 'granted' && viewer.organizationId === String(deal.nda.orgId ?? ndaCounterpart(deal)))
  );
}
