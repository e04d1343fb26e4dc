import type {
  AttachmentDto,
  DemandDto,
  DemandInput,
  DemandUpdate,
  ListingDto,
  ListingImageDto,
  ListingPolicies,
  ListingStatus,
  ListingType,
  OfferDto,
  OfferInput,
  OfferUpdate,
} from '@techbridge/shared';
import { apiFetch } from './http';
import { type UploadOptions, uploadFile } from './upload';

export interface ListingResponse<T extends ListingDto = ListingDto> {
  data: T;
  policies: ListingPolicies;
}

export interface MyListingsResponse {
  data: ListingDto[];
  policies: ListingPolicies[];
}

export type ListingByType<T extends ListingType> = T extends 'offer' ? OfferDto : DemandDto;

export function listingPath(type: ListingType, id?: string): string {
  const base = type === 'offer' ? '/api/offers' : '/api/demands';
  return id ? `${base}/${encodeURIComponent(id)}` : base;
}

export function getListing(type: ListingType, id: string, signal?: AbortSignal): Promise<ListingResponse> {
  return apiFetch<ListingResponse>(listingPath(type, id), { signal });
}

export function createListing(type: ListingType, input: OfferInput | DemandInput): Promise<ListingResponse> {
  return apiFetch<ListingResponse>(listingPath(type), { method: 'POST', body: input });
}

export function updateListing(
  type: ListingType,
  id: string,
  patch: OfferUpdate | DemandUpdate,
): Promise<ListingResponse> {
  return apiFetch<ListingResponse>(listingPath(type, id), { method: 'PATCH', body: patch });
}

export function deleteListing(type: ListingType, id: string): Promise<void> {
  return apiFetch<void>(listingPath(type, id), { method: 'DELETE' });
}

export function publishListing(type: ListingType, id: string): Promise<ListingResponse> {
  return apiFetch<ListingResponse>(`${listingPath(type, id)}/publish`, { method: 'POST' });
}

export function archiveListing(type: ListingType, id: string): Promise<ListingResponse> {
  return apiFetch<ListingResponse>(`${listingPath(type, id)}/archive`, { method: 'POST' });
}

/** My organisation's listings of one type, every status (or one). */
export async function getMyListings(
  type: ListingType,
  status?: ListingStatus,
  signal?: AbortSignal,
): Promise<MyListingsResponse> {
  const query = status ? `?status=${status}` : '';
  const res = await apiFetch<Partial<MyListingsResponse>>(`${listingPath(type)}/mine${query}`, { signal });
  // A user without an organisation gets `{data: []}` and no policies.
  return { data: res.data ?? [], policies: res.policies ?? [] };
}

export function attachmentPath(type: ListingType, id: string, attachmentId: string): string {
  return `${listingPath(type, id)}/attachments/${encodeURIComponent(attachmentId)}`;
}

export function uploadAttachment(
  type: ListingType,
  id: string,
  file: File,
  options?: UploadOptions,
): Promise<{ data: AttachmentDto }> {
  return uploadFile<{ data: AttachmentDto }>(`${listingPath(type, id)}/attachments`, file, options);
}

export function deleteAttachment(type: ListingType, id: string, attachmentId: string): Promise<void> {
  return apiFetch<void>(attachmentPath(type, id, attachmentId), { method: 'DELETE' });
}

/** The API path of one of a listing's images (its renditions are `…/large` and `…/thumb`). */
export function listingImagePath(type: ListingType, id: string, imageId: string): string {
  return `${listingPath(type, id)}/images/${encodeURIComponent(imageId)}`;
}

/** Adds an image (JPEG, PNG or WebP; the server checks the content and makes the renditions). */
export function uploadListingImage(
  type: ListingType,
  id: string,
  file: File,
  options?: UploadOptions,
): Promise<{ data: ListingImageDto }> {
  return uploadFile<{ data: ListingImageDto }>(`${listingPath(type, id)}/images`, file, options);
}

export function deleteListingImage(type: ListingType, id: string, imageId: string): Promise<void> {
  return apiFetch<void>(listingImagePath(type, id, imageId), { method: 'DELETE' });
}

/** Makes an image the cover (it moves first); answers with the images in their new order. */
export function setListingCover(type: ListingType, id: string, imageId: string): Promise<{ data: ListingImageDto[] }> {
  return apiFetch<{ data: ListingImageDto[] }>(`${listingImagePath(type, id, imageId)}/cover`, { method: 'POST' });
}
