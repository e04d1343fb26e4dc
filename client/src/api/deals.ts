import type {
  AuditEntryDto,
  DealDto,
  DealStage,
  MandateDto,
  MandatePortfolioDto,
  MessageDto,
  ProposalInput,
} from '@techbridge/shared';
import { apiFetch, apiFetchBlob } from './http';
import { type UploadOptions, uploadFile } from './upload';

export type DealTarget = { offerId: string } | { demandId: string } | { matchId: string };
export type DealRole = 'party' | 'intermediary';

export interface DealOutcomeInput {
  contractType: string;
  valueVnd: number;
  /** YYYY-MM-DD */
  date: string;
  note?: string;
}

export interface StageChangeInput {
  stage: DealStage;
  note?: string;
  outcome?: DealOutcomeInput;
}

export interface NdaText {
  version: string;
  vi: string;
  en: string;
}

export type NdaAction = 'accept' | 'approve' | 'grant' | 'revoke';

const dealPath = (id: string) => `/api/deals/${encodeURIComponent(id)}`;

/**
 * Opens a deal on a listing or a match ("express interest", "contact").
 * The server answers 201 with a new deal, or 200 with the open one.
 */
export async function openDeal(target: DealTarget, message?: string): Promise<DealDto> {
  const res = await apiFetch<{ data?: DealDto }>('/api/deals', {
    method: 'POST',
    body: message ? { ...target, message } : target,
  });
  if (!res?.data?.id) throw new Error('Deal id missing from response');
  return res.data;
}

export function getDeals(role?: DealRole, signal?: AbortSignal): Promise<{ data: DealDto[] }> {
  return apiFetch<{ data: DealDto[] }>(`/api/deals${role ? `?role=${role}` : ''}`, { signal });
}

export function getDeal(id: string, signal?: AbortSignal): Promise<{ data: DealDto }> {
  return apiFetch<{ data: DealDto }>(dealPath(id), { signal });
}

/** A key per user action: a retried request (a lost answer, a double click) applies once on the server. */
export const newRequestKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export function changeDealStage(
  id: string,
  input: StageChangeInput,
  key = newRequestKey(),
): Promise<{ data: DealDto }> {
  return apiFetch<{ data: DealDto }>(`${dealPath(id)}/stage`, { method: 'PATCH', body: input, idempotencyKey: key });
}

/** Confirms (or declines, or withdraws) the pending proposed stage change named by `stage`. */
export function answerStageProposal(
  id: string,
  answer: 'confirm' | 'decline',
  input: { stage: DealStage; note?: string },
): Promise<{ data: DealDto }> {
  return apiFetch<{ data: DealDto }>(`${dealPath(id)}/stage/${answer}`, {
    method: 'POST',
    body: input,
    idempotencyKey: newRequestKey(),
  });
}

export function answerIntroduction(id: string, accept: boolean): Promise<{ data: DealDto }> {
  return apiFetch<{ data: DealDto }>(`${dealPath(id)}/introduction/${accept ? 'accept' : 'decline'}`, {
    method: 'POST',
  });
}

/** The signed NDA record (PDF), fetched with the session's token. */
export function downloadNdaDocument(url: string): Promise<Blob> {
  return apiFetchBlob(url);
}

// ---- Proposals

export async function submitProposal(input: ProposalInput): Promise<DealDto> {
  const res = await apiFetch<{ data: DealDto }>('/api/proposals', {
    method: 'POST',
    body: input,
    idempotencyKey: newRequestKey(),
  });
  return res.data;
}

export function uploadProposalFile(id: string, file: File): Promise<{ data: DealDto }> {
  return uploadFile<{ data: DealDto }>(`${dealPath(id)}/proposal/attachments`, file, {});
}

export function getProposals(demandId: string, signal?: AbortSignal): Promise<{ data: DealDto[] }> {
  return apiFetch<{ data: DealDto[] }>(`/api/demands/${encodeURIComponent(demandId)}/proposals`, { signal });
}

export function decideProposal(id: string, decision: 'shortlist' | 'decline', reason?: string) {
  return apiFetch<{ data: DealDto }>(`${dealPath(id)}/proposal/${decision}`, {
    method: 'POST',
    body: decision === 'decline' ? { reason } : undefined,
  });
}

// ---- Mandates and introductions

export function getMandates(signal?: AbortSignal): Promise<{ data: MandateDto[] }> {
  return apiFetch<{ data: MandateDto[] }>('/api/mandates', { signal });
}

export function requestMandate(input: {
  clientOrgId: string;
  message?: string;
  commission?: { percent?: number; fixedVnd?: number; note?: string };
}): Promise<{ data: MandateDto }> {
  return apiFetch<{ data: MandateDto }>('/api/mandates', { method: 'POST', body: input });
}

export function decideMandate(id: string, action: 'accept' | 'decline' | 'end'): Promise<{ data: MandateDto }> {
  return apiFetch<{ data: MandateDto }>(`/api/mandates/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
}

export function getPortfolio(id: string, signal?: AbortSignal): Promise<{ data: MandatePortfolioDto }> {
  return apiFetch<{ data: MandatePortfolioDto }>(`/api/mandates/${encodeURIComponent(id)}/portfolio`, { signal });
}

export async function introduce(input: {
  mandateId: string;
  offerId: string;
  demandId: string;
  note: string;
}): Promise<DealDto> {
  return (await apiFetch<{ data: DealDto }>('/api/introductions', { method: 'POST', body: input })).data;
}

export function inviteIntermediary(id: string, organizationId: string): Promise<{ data: DealDto }> {
  return apiFetch<{ data: DealDto }>(`${dealPath(id)}/intermediary`, { method: 'POST', body: { organizationId } });
}

export interface MessagePage {
  before?: number;
  after?: number;
  limit?: number;
}

/** A page of a deal's chat, oldest first (newest last). */
export function getDealMessages(id: string, page: MessagePage = {}, signal?: AbortSignal) {
  const params = new URLSearchParams();
  if (page.before !== undefined) params.set('before', String(page.before));
  if (page.after !== undefined) params.set('after', String(page.after));
  params.set('limit', String(page.limit ?? 50));
  return apiFetch<{ data: MessageDto[] }>(`${dealPath(id)}/messages?${params}`, { signal });
}

export function uploadDealAttachment(
  id: string,
  file: File,
  body: string,
  options: UploadOptions = {},
): Promise<{ data: MessageDto }> {
  const fields = body.trim() ? { ...options.fields, body: body.trim() } : options.fields;
  return uploadFile<{ data: MessageDto }>(`${dealPath(id)}/attachments`, file, { ...options, fields });
}

/** A chat attachment, fetched with the session's token. */
export function downloadDealAttachment(url: string): Promise<Blob> {
  return apiFetchBlob(url);
}

export function getNdaText(signal?: AbortSignal): Promise<NdaText> {
  return apiFetch<NdaText>('/api/nda', { signal });
}

export function dealNdaAction(id: string, action: NdaAction, version?: string): Promise<{ data: DealDto }> {
  return apiFetch<{ data: DealDto }>(`${dealPath(id)}/nda/${action}`, {
    method: 'POST',
    body: action === 'accept' ? { version } : undefined,
  });
}

export function getDealAudit(id: string, signal?: AbortSignal): Promise<{ data: AuditEntryDto[] }> {
  return apiFetch<{ data: AuditEntryDto[] }>(`${dealPath(id)}/audit`, { signal });
}
