import type { VerificationRequestInput } from '@techbridge/shared';
import { apiFetch } from './http';
import { type UploadOptions, uploadFile } from './upload';

export type VerificationStatus = 'pending' | 'approved' | 'rejected';
export const verificationStatuses: readonly VerificationStatus[] = ['pending', 'approved', 'rejected'];

export interface VerificationDocumentDto {
  id: string;
  name: string;
  /** Canonical MIME type checked by the server. */
  type: string;
  size: number;
}

/** An organisation's request to be verified (presentVerification on the server). */
export interface VerificationDto {
  id: string;
  organizationId: string;
  /** Sent in the administrators' list. */
  organizationName?: string;
  status: VerificationStatus;
  registrationNumber: string;
  taxCode: string | null;
  address: string;
  website: string | null;
  note: string | null;
  documents: VerificationDocumentDto[];
  /** The administrator's reason, set when the request was rejected. */
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

const MINE = '/api/organizations/me/verification';

/** The latest verification request of my organisation, or null if it never asked. */
export function getMyVerification(signal?: AbortSignal): Promise<{ data: VerificationDto | null }> {
  return apiFetch<{ data: VerificationDto | null }>(MINE, { signal });
}

/** Asks for verification (organisation owners only; 409 while another request is pending). */
export function requestVerification(input: VerificationRequestInput): Promise<{ data: VerificationDto }> {
  return apiFetch<{ data: VerificationDto }>(MINE, { method: 'POST', body: input });
}

/** Adds one document (multipart field "file") to the pending request. */
export function uploadVerificationDocument(
  file: File,
  options: UploadOptions = {},
): Promise<{ data: VerificationDto }> {
  return uploadFile<{ data: VerificationDto }>(`${MINE}/documents`, file, options);
}

/** Requests in one state for administrators, oldest first. */
export function getVerifications(
  status: VerificationStatus,
  signal?: AbortSignal,
): Promise<{ data: VerificationDto[] }> {
  return apiFetch<{ data: VerificationDto[] }>(`/api/admin/verifications?status=${status}`, { signal });
}

export function approveVerification(id: string): Promise<{ data: VerificationDto }> {
  return apiFetch<{ data: VerificationDto }>(`/api/admin/verifications/${encodeURIComponent(id)}/approve`, {
    method: 'POST',
  });
}

export function rejectVerification(id: string, reason: string): Promise<{ data: VerificationDto }> {
  return apiFetch<{ data: VerificationDto }>(`/api/admin/verifications/${encodeURIComponent(id)}/reject`, {
    method: 'POST',
    body: { reason },
  });
}

/** Where administrators download a document of a request. */
export function verificationDocumentPath(requestId: string, documentId: string): string {
  return `/api/admin/verifications/${encodeURIComponent(requestId)}/documents/${encodeURIComponent(documentId)}`;
}
