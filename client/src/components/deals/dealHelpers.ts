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
