import type { AuditEntryDto, DealDto, DealStage, MessageDto } from '@techbridge/shared';
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

export function changeDealStage(id: string, input: StageChangeInput): Promise<{ data: DealDto }> {
  return apiFetch<{ data: DealDto }>(`${dealPath(id)}/stage`, { method: 'PATCH', body: input });
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
