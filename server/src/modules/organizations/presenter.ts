import type { InvitationDto, OrganizationDto, OrganizationProfileDto, TeamMemberDto } from '@techbridge/shared';
import type { Invitation, Organization, Verification } from './model';

export function presentOrganization(org: Organization): OrganizationDto {
  return {
    id: String(org._id),
    name: org.name,
    type: org.type,
    province: org.province,
    verified: org.verified,
    createdAt: new Date(org.createdAt).toISOString(),
  };
}

/** An organisation as a listing, deal or match names it. */
export function orgSummary(
  org: Pick<Organization, '_id' | 'name' | 'type' | 'province' | 'verified'> | undefined,
  id: unknown,
) {
  return org
    ? { id: String(org._id), name: org.name, type: org.type, province: org.province, verified: org.verified }
    : { id: String(id), name: '', type: '', province: '', verified: false };
}

export function presentVerification(v: Verification, organizationName?: string) {
  return {
    id: String(v._id),
    organizationId: String(v.organizationId),
    ...(organizationName === undefined ? {} : { organizationName }),
    status: v.status,
    registrationNumber: v.registrationNumber,
    taxCode: v.taxCode ?? null,
    address: v.address,
    website: v.website ?? null,
    note: v.note ?? null,
    documents: (v.documents as { _id: unknown; name: string; type: string; size: number }[]).map((d) => ({
      id: String(d._id),
      name: d.name,
      type: d.type,
      size: d.size,
    })),
    reason: v.reason ?? null,
    createdAt: new Date(v.createdAt).toISOString(),
    decidedAt: v.decidedAt ? new Date(v.decidedAt).toISOString() : null,
  };
}

export function presentInvitation(i: Invitation): InvitationDto {
  return {
    id: String(i._id),
    email: i.email,
    role: i.role as InvitationDto['role'],
    invitedBy: i.invitedByName,
    expiresAt: new Date(i.expiresAt).toISOString(),
    createdAt: new Date(i.createdAt).toISOString(),
  };
}

/** A team member as the team page lists them. */
export function presentMember(u: {
  _id: unknown;
  name: string;
  email: string;
  orgRole?: string | null;
}): TeamMemberDto {
  return {
    id: String(u._id),
    name: u.name,
    email: u.email,
    orgRole: (u.orgRole ?? 'member') as TeamMemberDto['orgRole'],
  };
}

/** The profile fields the completeness hint counts, in the order the form shows them. */
export const profileFields = [
  'description',
  'foundedYear',
  'size',
  'sectors',
  'expertise',
  'website',
  'contact',
  'logo',
] as const;

/** Where an organisation's logo is served: the upload, or its generated initials (the version changes with it). */
export const logoUrlOf = (org: Pick<Organization, '_id' | 'logo'>) =>
  `/api/organizations/${String(org._id)}/logo?v=${org.logo?.version ?? 0}`;

/** How much of the profile is filled in, and what is missing (for the organisation's own members). */
export function profileCompleteness(org: Organization): { percent: number; missing: string[] } {
  const filled = (field: (typeof profileFields)[number]) => {
    const value = org[field] as unknown;
    return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined && value !== '';
  };
  const missing = profileFields.filter((f) => !filled(f));
  return { percent: Math.round((100 * (profileFields.length - missing.length)) / profileFields.length), missing };
}

/**
 * The public profile: contact e-mail and phone only for signed-in viewers,
 * the completeness hint only for the organisation's members.
 */
export function presentProfile(
  org: Organization,
  stats: { offers: number; demands: number },
  viewer: { signedIn: boolean; member: boolean },
): OrganizationProfileDto {
  const contact = org.contact?.name
    ? {
        name: org.contact.name,
        ...(org.contact.title ? { title: org.contact.title } : {}),
        ...(viewer.signedIn && org.contact.email ? { email: org.contact.email } : {}),
        ...(viewer.signedIn && org.contact.phone ? { phone: org.contact.phone } : {}),
      }
    : null;
  return {
    ...presentOrganization(org),
    description: org.description ?? null,
    foundedYear: org.foundedYear ?? null,
    size: (org.size ?? null) as OrganizationProfileDto['size'],
    sectors: [...(org.sectors ?? [])],
    expertise: [...(org.expertise ?? [])],
    logoUrl: logoUrlOf(org),
    website: org.website ?? null,
    contact,
    stats: { ...stats, completedDeals: org.wonDealIds?.length ?? 0 },
    ...(viewer.member ? { completeness: profileCompleteness(org) } : {}),
  };
}
