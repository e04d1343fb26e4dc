import type { ImportReport, ListingType, StatsDto } from '@techbridge/shared';
import { apiFetch, apiFetchBlob } from './http';
import { type UploadOptions, uploadFile } from './upload';

export type FileFormat = 'csv' | 'xlsx';

export interface StatsFilters {
  from?: string;
  to?: string;
  sector?: string;
  province?: string;
  scope?: 'default' | 'national';
}

/** The query string for GET /api/stats and its export; empty values are left out. */
export function statsQuery(filters: StatsFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params;
}

export function getStats(filters: StatsFilters, signal?: AbortSignal): Promise<{ data: StatsDto }> {
  const query = statsQuery(filters).toString();
  return apiFetch<{ data: StatsDto }>(`/api/stats${query ? `?${query}` : ''}`, { signal });
}

export function exportStats(filters: StatsFilters, format: FileFormat): Promise<Blob> {
  const params = statsQuery(filters);
  params.set('format', format);
  return apiFetchBlob(`/api/stats/export?${params.toString()}`);
}

export function downloadImportTemplate(type: ListingType, format: FileFormat): Promise<Blob> {
  return apiFetchBlob(`/api/import/${type}/template?format=${format}`);
}

export function exportListings(type: ListingType, format: FileFormat): Promise<Blob> {
  return apiFetchBlob(`/api/export/${type}?format=${format}`);
}

export interface ImportResult extends ImportReport {
  importId: string;
}

export function importListings(
  type: ListingType,
  file: File,
  dryRun: boolean,
  options: UploadOptions = {},
): Promise<{ data: ImportResult }> {
  return uploadFile<{ data: ImportResult }>(`/api/import/${type}?dryRun=${dryRun}`, file, options);
}
