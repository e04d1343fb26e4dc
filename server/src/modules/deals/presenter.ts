import type { DealDto, DealStage, MessageDto, ProposalDto } from '@techbridge/shared';
import type { AuthUser } from '../../platform/principal';
import type { Deal, Message } from './model';
import { ndaView } from './nda';
import { dealPolicies } from './policy';
import { roleOf } from './stageRules';

type OrgRef = DealDto['owner'];

/** What presenting a deal needs besides the deal: loaded by view.ts, each by `_id`. */
export interface DealParts {
  org(id: unknown): OrgRef;
  title(listingId: unknown): string;
  readSeq: number;
  confidential: { details?: string } | null;
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The only way a deal leaves the server, as one viewer may see it. */
export function presentDeal(d: Deal, viewer: AuthUser, parts: DealParts): DealDto {
  return {
    id: String(d._id),
    stage: d.stage as DealStage,
    listing: { type: d.listingType as 'offer' | 'demand', id: String(d.listingId), title: parts.title(d.listingId) },
    offer: d.offerId ? { id: String(d.offerId), title: parts.title(d.offerId) } : null,
    demand: d.demandId ? { id: String(d.demandId), title: parts.title(d.demandId) } : null,
    matchId: d.matchId ? String(d.matchId) : null,
    owner: parts.org(d.ownerOrgId),
    initiator: parts.org(d.initiatorOrgId),
    intermediary: d.intermediaryOrgId ? parts.org(d.intermediaryOrgId) : null,
    history: d.history.map((h) => ({
      stage: h.stage as DealStage,
      at: new Date(h.at).toISOString(),
      by: { id: String(h.byUserId), name: h.byName },
      ...(h.note ? { note: h.note } : {}),
    })),
    outcome: d.outcome?.contractType ? { ...presentOutcome(d.outcome), confirmedAt: iso(d.outcome.confirmedAt) } : null,
    pending: d.pending
      ? {
          stage: d.pending.stage as DealStage,
          ...(d.pending.note ? { note: d.pending.note } : {}),
          outcome: d.pending.outcome?.contractType ? presentOutcome(d.pending.outcome) : null,
          by: { id: String(d.pending.byUserId), name: d.pending.byName, role: d.pending.byRole as 'owner' },
          at: new Date(d.pending.at).toISOString(),
          awaiting: d.pending.awaiting as ('owner' | 'initiator')[],
        }
      : null,
    introduction: d.introduction
      ? {
          by: parts.org(d.introduction.byOrgId),
          note: d.introduction.note,
          accepted: d.introduction.accepted as ('owner' | 'initiator')[],
          complete: d.introduction.accepted.includes('owner') && d.introduction.accepted.includes('initiator'),
        }
      : null,
    role: roleOf(viewer, d),
    proposal: d.proposal ? presentProposal(d) : null,
    lastMessageAt: iso(d.lastMessageAt),
    lastSeq: d.lastSeq,
    // A member's own messages move their read position, so what lies beyond it is the others'.
    unread: Math.max(0, d.lastSeq - parts.readSeq),
    nda: ndaView(d, viewer),
    confidential: parts.confidential,
    policies: dealPolicies(viewer, d),
    createdAt: new Date(d.createdAt).toISOString(),
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}

type StoredOutcome = {
  contractType?: string | null;
  valueVnd?: number | null;
  date?: Date | null;
  note?: string | null;
};

function presentOutcome(o: StoredOutcome) {
  return {
    contractType: o.contractType ?? '',
    valueVnd: o.valueVnd ?? 0,
    date: new Date(o.date as Date).toISOString().slice(0, 10),
    ...(o.note ? { note: o.note } : {}),
  };
}

function presentProposal(d: Deal): ProposalDto {
  const p = d.proposal!;
  return {
    approach: p.approach,
    priceMinVnd: p.priceMinVnd ?? null,
    priceMaxVnd: p.priceMaxVnd ?? null,
    timelineMonths: p.timelineMonths,
    trl: p.trl,
    trlEvidence: p.trlEvidence,
    attachments: p.attachments.map((a) => ({
      name: a.name ?? '',
      type: a.type ?? '',
      size: a.size ?? 0,
      url: `/api/deals/${d._id}/messages/${a.messageId}/attachment`,
    })),
    status: p.status as ProposalDto['status'],
    reason: p.reason ?? null,
    submittedAt: new Date(p.submittedAt).toISOString(),
    decidedAt: iso(p.decidedAt),
  };
}

export interface StoredFile {
  name: string;
  type: string;
  size: number;
  storedAs: string;
}

export function presentMessage(m: Message): MessageDto {
  const file = m.attachment as unknown as StoredFile | null;
  return {
    id: String(m._id),
    dealId: String(m.dealId),
    seq: m.seq,
    body: m.body ?? '',
    sender: { id: String(m.senderId), name: m.senderName },
    organization: { id: String(m.orgId), name: m.orgName },
    clientId: m.clientId,
    attachment: file?.storedAs
      ? {
          name: file.name,
          type: file.type,
          size: file.size,
          url: `/api/deals/${m.dealId}/messages/${m._id}/attachment`,
        }
      : null,
    createdAt: new Date(m.createdAt).toISOString(),
  };
}
