import type { DealDto, DealStage } from '@techbridge/shared';
import type { BadgeTone } from '../ui';

/** The happy path, in order; a deal can also end as "lost" from any stage. */
export const stagePath: readonly DealStage[] = ['interest', 'contacted', 'nda', 'negotiation', 'agreement', 'won'];

export const stageTones: Record<DealStage, BadgeTone> = {
  interest: 'neutral',
  contacted: 'info',
  nda: 'info',
  negotiation: 'accent',
  agreement: 'warning',
  won: 'success',
  lost: 'danger',
};

export type DealRoleOfViewer = 'owner' | 'initiator' | 'intermediary' | 'observer';

/** My organisation's part in a deal. */
export function viewerRole(deal: DealDto, myOrgId: string | null | undefined): DealRoleOfViewer {
  if (!myOrgId) return 'observer';
  if (deal.owner.id === myOrgId) return 'owner';
  if (deal.initiator.id === myOrgId) return 'initiator';
  if (deal.intermediary?.id === myOrgId) return 'intermediary';
  return 'observer';
}

/** The other side of a deal for a party; for brokers and observers both sides, "A ↔ B". */
export function counterpartName(deal: DealDto, myOrgId: string | null | undefined): string {
  const role = viewerRole(deal, myOrgId);
  if (role === 'owner') return deal.initiator.name;
  if (role === 'initiator') return deal.owner.name;
  return `${deal.owner.name} ↔ ${deal.initiator.name}`;
}

/** When something last happened in a deal. */
export function lastActivity(deal: DealDto): string {
  return deal.lastMessageAt && deal.lastMessageAt > deal.updatedAt ? deal.lastMessageAt : deal.updatedAt;
}

export function byLastActivity(a: DealDto, b: DealDto): number {
  return lastActivity(b).localeCompare(lastActivity(a));
}

export type DealSide = 'provider' | 'need' | 'intermediary';

/**
 * The two sides of a deal by what they bring, whichever opened it: the
 * technology provider (the offer's side) and the party with the need (the
 * demand's side); plus the intermediary. One vocabulary everywhere.
 */
export function dealSides(deal: DealDto) {
  const offerSide = deal.listing.type === 'offer' ? deal.owner : deal.initiator;
  const needSide = deal.listing.type === 'offer' ? deal.initiator : deal.owner;
  return { provider: offerSide, need: needSide, intermediary: deal.intermediary };
}

/** My side in a deal, in the same vocabulary (null: not a party). */
export function mySide(deal: DealDto, myOrgId: string | null | undefined): DealSide | null {
  const sides = dealSides(deal);
  if (!myOrgId) return null;
  if (sides.provider.id === myOrgId) return 'provider';
  if (sides.need.id === myOrgId) return 'need';
  if (sides.intermediary?.id === myOrgId) return 'intermediary';
  return null;
}

/** The side of a deal role ('owner' | 'initiator' of the listing), in the provider / need vocabulary. */
export function sideOfRole(deal: DealDto, role: 'owner' | 'initiator' | 'intermediary'): DealSide {
  if (role === 'intermediary') return 'intermediary';
  return (role === 'owner') === (deal.listing.type === 'offer') ? 'provider' : 'need';
}

export type StepState = 'done' | 'current' | 'todo' | 'skipped';

/**
 * The state of each step of the happy path for the stepper: visited steps
 * are done, steps passed over (a later one was reached) are skipped.
 */
export function stepStates(deal: DealDto): { stage: DealStage; state: StepState }[] {
  const lost = deal.stage === 'lost';
  const steps: DealStage[] = lost ? [...stagePath.slice(0, -1), 'lost'] : [...stagePath];
  const visited = new Set(deal.history.map((h) => h.stage));
  const reached = Math.max(
    ...deal.history.map((h) => stagePath.indexOf(h.stage)).filter((i) => i >= 0),
    stagePath.indexOf(deal.stage),
  );
  return steps.map((stage, index) => {
    if (stage === deal.stage) return { stage, state: 'current' };
    if (visited.has(stage)) return { stage, state: 'done' };
    if (stage !== 'lost' && index < reached) return { stage, state: 'skipped' };
    return { stage, state: 'todo' };
  });
}
