import { foldVietnamese, type Lang, labelOf, organizationTypes } from '@techbridge/shared';
import type { AdminOrganizationDto, AdminUserDto } from '../../../api/admin';
import { queryKeys } from '../../../api/queryKeys';
import type { SuspendSubject } from '../SuspendDialog';

/** The subject of a suspension for a user row (the e-mail is shown in the confirmation). */
export function userSubject(user: AdminUserDto): SuspendSubject {
  return { kind: 'users', id: user.id, name: user.name, email: user.email };
}

export function organizationSubject(org: AdminOrganizationDto): SuspendSubject {
  return { kind: 'organizations', id: org.id, name: org.name };
}

/** Organisations whose name contains the filter, accents and case optional ("vien" finds "Viện"). */
export function filterOrganizations<T extends { name: string }>(orgs: readonly T[], filter: string): T[] {
  const wanted = foldVietnamese(filter.trim());
  return orgs.filter((org) => !wanted || foldVietnamese(org.name).includes(wanted));
}

/** "Viện nghiên cứu" rather than "Viện nghiên cứu (Research institute)": the type without its bracketed gloss. */
export function shortOrganizationType(type: string, lang: Lang): string {
  return labelOf(organizationTypes, type, lang).split(' (')[0];
}

/** What a suspension or reactivation changes: admin lists and the audit log, search, listings, organisation pages. */
export const accountChangeKeys: readonly (readonly unknown[])[] = [
  queryKeys.adminAll,
  queryKeys.searchAll,
  queryKeys.listingsAll,
  ['organization'],
];

/** Suspend is offered unless the account is known to be suspended; reactivate unless it is known to be active. */
export function statusActionsFor(suspended: boolean | null): { suspend: boolean; reactivate: boolean } {
  return { suspend: suspended !== true, reactivate: suspended !== false };
}
