import fs from 'node:fs';
import path from 'node:path';
import type { OrganizationProfileInput } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { AppError, forbidden, notFound } from '../../../platform/errors';
import { removeStoredFile, uploadsDir } from '../../../platform/files/uploads';
import type { AuthUser } from '../../../platform/principal';
import { logoFileName, logoTypes, makeLogo } from '../logo';
import type { Organization } from '../model';
import { canManageTeam } from '../policy';
import { organizationStore } from '../store';

/** The caller's organisation, for its owner or an admin of its team (else 403). */
function managedOrg(user: AuthUser): string {
  if (!user.organizationId) throw forbidden('You do not belong to an organisation');
  if (!canManageTeam(user)) throw forbidden("Only the organisation's owner and admins edit its profile");
  return user.organizationId;
}

const cleared: Partial<Record<keyof OrganizationProfileInput, unknown>> = { sectors: [], expertise: [] };

/**
 * Changes the profile of the caller's organisation: the fields given are set,
 * `null` clears one (lists clear to empty); name, type and province stay.
 */
export async function updateProfile(ctx: AppContext, user: AuthUser, input: OrganizationProfileInput) {
  const orgId = managedOrg(user);
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input) as [keyof OrganizationProfileInput, unknown][]) {
    if (value === undefined) continue;
    set[key] = value === null ? (cleared[key] ?? null) : value;
  }
  const store = organizationStore(ctx.db);
  const org = Object.keys(set).length ? await store.updateProfile(orgId, set) : await store.findById(orgId);
  if (!org) throw notFound('Organisation not found');
  return org;
}

/**
 * Makes an uploaded image (already checked by name and first bytes) the
 * organisation's logo: a 256×256 WebP under a new version; the previous one
 * is removed. The received file itself is removed either way.
 */
export async function setLogo(
  ctx: AppContext,
  user: AuthUser,
  file: { path: string },
  mime: string,
): Promise<Organization> {
  const orgId = managedOrg(user);
  const store = organizationStore(ctx.db);
  const before = await store.findById(orgId);
  if (!before) throw notFound('Organisation not found');
  try {
    if (!logoTypes.includes(mime)) {
      throw new AppError(415, 'unsupported_media_type', 'A logo is a PNG, JPEG or WebP image', {
        file: 'invalid_type',
      });
    }
    const version = Math.max(Date.now(), (before.logo?.version ?? 0) + 1);
    const storedAs = logoFileName(orgId, version);
    await fs.promises.mkdir(uploadsDir(ctx.config.dataDir), { recursive: true });
    await makeLogo(file.path, path.join(uploadsDir(ctx.config.dataDir), storedAs));
    const org = await store.updateProfile(orgId, { logo: { storedAs, version } });
    if (before.logo?.storedAs) await removeStoredFile(ctx.config.dataDir, before.logo.storedAs);
    return org!;
  } finally {
    await fs.promises.rm(file.path, { force: true });
  }
}

/** Removes the organisation's logo: its initials show again. */
export async function removeLogo(ctx: AppContext, user: AuthUser): Promise<Organization> {
  const orgId = managedOrg(user);
  const store = organizationStore(ctx.db);
  const before = await store.findById(orgId);
  if (!before) throw notFound('Organisation not found');
  if (!before.logo) return before;
  const org = await store.updateProfile(orgId, { logo: null });
  if (before.logo.storedAs) await removeStoredFile(ctx.config.dataDir, before.logo.storedAs);
  return org!;
}
