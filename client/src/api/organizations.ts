import type { OrganizationProfileDto, OrganizationProfileInput } from '@techbridge/shared';
import { apiFetch } from './http';
import { type UploadOptions, uploadFile } from './upload';

export type OrganizationProfile = OrganizationProfileDto;

/**
 * Fills what an older server leaves out, so the page reads one shape: a
 * profile without a description, sectors or a logo URL is shown as empty.
 */
export function normalizeProfile(raw: Partial<OrganizationProfileDto> & OrganizationProfileDto): OrganizationProfile {
  return {
    ...raw,
    description: raw.description ?? null,
    foundedYear: raw.foundedYear ?? null,
    size: raw.size ?? null,
    sectors: raw.sectors ?? [],
    expertise: raw.expertise ?? [],
    logoUrl: raw.logoUrl ?? '',
    website: raw.website ?? null,
    contact: raw.contact ?? null,
    stats: {
      offers: raw.stats?.offers ?? 0,
      demands: raw.stats?.demands ?? 0,
      completedDeals: raw.stats?.completedDeals ?? 0,
    },
  };
}

/** GET /api/organizations/:id: the public profile (contact details and completeness depend on who asks). */
export async function getOrganization(id: string, signal?: AbortSignal): Promise<{ data: OrganizationProfile }> {
  const res = await apiFetch<{ data: OrganizationProfileDto }>(`/api/organizations/${encodeURIComponent(id)}`, {
    signal,
  });
  return { data: normalizeProfile(res.data) };
}

/** PATCH /api/organizations/me/profile (owner and admins): only the fields sent change; null clears one. */
export async function updateOrganizationProfile(
  input: OrganizationProfileInput,
): Promise<{ data: OrganizationProfile }> {
  const res = await apiFetch<{ data: OrganizationProfileDto }>('/api/organizations/me/profile', {
    method: 'PATCH',
    body: input,
  });
  return { data: normalizeProfile(res.data) };
}

/** POST /api/organizations/me/logo (multipart field "file"). */
export async function uploadOrganizationLogo(
  file: File,
  options?: UploadOptions,
): Promise<{ data: OrganizationProfile }> {
  const res = await uploadFile<{ data: OrganizationProfileDto }>('/api/organizations/me/logo', file, options);
  return { data: normalizeProfile(res.data) };
}

/** DELETE /api/organizations/me/logo: back to the generated initials. */
export function deleteOrganizationLogo(): Promise<unknown> {
  return apiFetch<unknown>('/api/organizations/me/logo', { method: 'DELETE' });
}
