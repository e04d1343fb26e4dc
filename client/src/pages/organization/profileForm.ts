import { type OrganizationProfileInput, organizationProfileSchema } from '@techbridge/shared';
import type { OrganizationProfile } from '../../api/organizations';
import { requireFilled, toFieldErrors } from '../../forms/formTools';
import { type FieldKeys, type ValidationResult, validate } from '../../forms/validate';

export interface ProfileValues {
  description: string;
  foundedYear: string;
  size: string;
  sectors: string[];
  expertise: string[];
  website: string;
  'contact.name': string;
  'contact.title': string;
  'contact.email': string;
  'contact.phone': string;
}

export type ProfileField = keyof ProfileValues;

/** Form order, for moving focus to the first error. */
export const profileFieldOrder: readonly ProfileField[] = [
  'description',
  'foundedYear',
  'size',
  'website',
  'sectors',
  'expertise',
  'contact.name',
  'contact.title',
  'contact.email',
  'contact.phone',
];

/** The form starts with what the profile holds. */
export function profileValuesFrom(profile: OrganizationProfile | undefined): ProfileValues {
  return {
    description: profile?.description ?? '',
    foundedYear: profile?.foundedYear ? String(profile.foundedYear) : '',
    size: profile?.size ?? '',
    sectors: profile?.sectors ?? [],
    expertise: profile?.expertise ?? [],
    website: profile?.website ?? '',
    'contact.name': profile?.contact?.name ?? '',
    'contact.title': profile?.contact?.title ?? '',
    'contact.email': profile?.contact?.email ?? '',
    'contact.phone': profile?.contact?.phone ?? '',
  };
}

/**
 * The PATCH body: every field sent, so an emptied box clears what was stored
 * (`null`); a contact with every box empty is no contact; its empty optional
 * parts are left out (the schema refuses empty strings there).
 */
export function profileInput(values: ProfileValues): Record<string, unknown> {
  const trimmed = (value: string) => value.trim();
  const year = trimmed(values.foundedYear);
  const contactParts = {
    name: trimmed(values['contact.name']),
    title: trimmed(values['contact.title']),
    email: trimmed(values['contact.email']),
    phone: trimmed(values['contact.phone']),
  };
  const anyContact = Object.values(contactParts).some(Boolean);
  const contact = anyContact
    ? Object.fromEntries(Object.entries(contactParts).filter(([key, value]) => key === 'name' || value))
    : null;
  return {
    description: trimmed(values.description) || null,
    foundedYear: year ? (/^\d+$/.test(year) ? Number(year) : Number.NaN) : null,
    size: values.size || null,
    sectors: values.sectors,
    expertise: values.expertise,
    website: trimmed(values.website) || null,
    contact,
  };
}

/** Error paths ("contact.email", "sectors.2", "expertise.0") onto the form's fields; the rest on "_form". */
export function profileFieldErrors(errors: Record<string, string>): FieldKeys {
  return toFieldErrors(errors, profileFieldOrder);
}

/** Checks with the server's own schema; errors are message keys by form field. */
export function validateProfile(values: ProfileValues): ValidationResult<OrganizationProfileInput> {
  const input = profileInput(values);
  const result = validate(organizationProfileSchema, input);
  if (result.ok) return result;
  const byField = profileFieldErrors(result.errors);
  return { ok: false, errors: requireFilled(byField, { 'contact.name': values['contact.name'] }, ['contact.name']) };
}
