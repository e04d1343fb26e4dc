import type { introductionCreateSchema } from '@techbridge/shared';
import type { z } from 'zod';
import type { AppContext } from '../../../context';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import { openIntroducedDeal } from '../../deals/commands/introduction';
import type { Deal } from '../../deals/model';
import { listingStore } from '../../listings/store';
import { organizationStore } from '../../organizations/store';
import { brokerageStore } from '../store';

/** A broker with an active mandate introduces one of its client's listings to a counterpart. */
export async function introduce(
  ctx: AppContext,
  user: AuthUser,
  input: z.infer<typeof introductionCreateSchema>,
  ip: string | null,
): Promise<Deal> {
  const org = user.organizationId ? await organizationStore(ctx.db).findById(user.organizationId) : null;
  if (org?.type !== 'intermediary') throw forbidden('Only intermediary organisations introduce parties');
  const mandate = await brokerageStore(ctx.db).findById(input.mandateId);
  if (!mandate || String(mandate.brokerOrgId) !== user.organizationId) throw notFound('Mandate not found');
  if (mandate.status !== 'active') throw conflict('The client has not given (or has ended) this mandate');
  const listings = listingStore(ctx.db);
  const [offer, demand] = await Promise.all([
    listings.findById('offer', input.offerId, { organizationId: 1 }),
    listings.findById('demand', input.demandId, { organizationId: 1 }),
  ]);
  if (!offer || !demand) throw badRequest('Introduce two published listings', { offerId: 'invalid_type' });
  const client = String(mandate.clientOrgId);
  if (String(offer.organizationId) !== client && String(demand.organizationId) !== client)
    throw forbidden("One of the two listings must be your client's");
  return openIntroducedDeal(ctx, user, { ...input, mandateId: String(mandate._id) }, ip);
}
