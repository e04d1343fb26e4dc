import type { DealDto, DealStage, MessageDto } from '@techbridge/shared';
import type { AuthUser } from '../../platform/principal';
import type { Deal, Message } from './model';
import { ndaView } from './nda';
import { dealPolicies } from './policy';

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
    outcome: d.outcome?.contractType
      ? {
          contractType: d.outcome.contractType,
          valueVnd: d.outcome.valueVnd ?? 0,
          date: new Date(d.outcome.date as Date).toISOString().slice(0, 10),
          ...(d.outcome.note ? { note: d.outcome.note } : {}),
        }
      : null,
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
