import type { InvitationDto, OrganizationDto, TeamMemberDto } from '@techbridge/shared';
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
