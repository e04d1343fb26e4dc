import type { AppContext } from '../../context';
import { conflict } from '../../platform/errors';
import { listingStore } from '../listings/store';
import { organizationStore } from '../organizations/store';
import type { Deal } from './model';
import { ndaCounterpart } from './nda';
import { ndaPdf } from './ndaRecord';
import { ownerOfOffer } from './policy';

/** The deal's signed NDA record as a PDF; 409 until the counterpart has accepted the NDA. */
export async function ndaDocument(ctx: AppContext, deal: Deal): Promise<Buffer> {
  const nda = deal.nda;
  const recipientId = nda?.orgId ?? ndaCounterpart(deal);
  if (!deal.offerId || !nda?.acceptedAt || !nda.acceptedBy || !recipientId)
    throw conflict('No NDA has been accepted in this deal yet');
  const orgs = await organizationStore(ctx.db).mapById([ownerOfOffer(deal), recipientId]);
  const listings = listingStore(ctx.db);
  const [offer, demand] = await Promise.all([
    listings.findById('offer', deal.offerId, { title: 1 }),
    deal.demandId ? listings.findById('demand', deal.demandId, { title: 1 }) : null,
  ]);
  return ndaPdf({
    dealId: String(deal._id),
    offerTitle: offer?.title ?? '',
    demandTitle: demand?.title ?? null,
    discloser: orgs.get(String(ownerOfOffer(deal)))?.name ?? '',
    recipient: orgs.get(String(recipientId))?.name ?? '',
    version: nda.version ?? '',
    status: nda.status ?? 'accepted',
    textHash: nda.textHash ?? '',
    acceptedAt: new Date(nda.acceptedAt),
    acceptedBy: nda.acceptedBy.name ?? '',
    grantedAt: nda.grantedAt ? new Date(nda.grantedAt) : null,
    grantedBy: nda.grantedAt ? (nda.grantedBy?.name ?? null) : null,
  });
}
