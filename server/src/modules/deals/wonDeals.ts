import type { AppContext } from '../../context';
import type { Processor } from '../../platform/events/types';
import type { DomainEvents } from '../domainEvents';
import { organizationStore } from '../organizations/store';
import { dealStore } from './store';

/** A won deal counts once both parties confirmed its outcome (a proposal alone never does), as in the statistics. */
export const isConfirmedWin = (d: { stage: string; outcome?: { confirmedAt?: Date | null } | null }) =>
  d.stage === 'won' && !!d.outcome?.confirmedAt;

/**
 * Keeps each party's record of won deals (the profile's "completed deals")
 * from the deals' own changes: the deal's current state decides, and the
 * record is a set of deal ids, so an event delivered twice, or out of
 * order, leaves it right. A reopened deal leaves the record.
 */
export function wonDealsProcessor(ctx: AppContext): Processor<DomainEvents> {
  return {
    name: 'won deals of organisations',
    handles: {
      async 'deal.updated'(event) {
        const deal = await dealStore(ctx.db).findById(event.data.dealId);
        if (!deal) return;
        const won = isConfirmedWin(deal);
        const orgs = organizationStore(ctx.db);
        for (const orgId of new Set([String(deal.ownerOrgId), String(deal.initiatorOrgId)]))
          await orgs.recordWonDeal(orgId, String(deal._id), won);
      },
    },
  };
}
