import { registerSchema } from '@techbridge/shared';
import { type ValidationResult, validate } from '../../forms/validate';

export interface RegisterValues {
  name: string;
  email: string;
  password: string;
  organization: { name: string; type: string; province: string };
}

export type RegisterField =
  | 'name'
  | 'email'
  | 'password'
  | 'organization.name'
  | 'organization.type'
  | 'organization.province';

/** Form order, for moving focus to the first error. */
export const registerFieldOrder: readonly RegisterField[] = [
  'name',
  'email',
  'password',
  'organization.name',
  'organization.type',
  'organization.province',
];

export function emptyRegisterValues(type = ''): RegisterValues {
  return { name: '', email: '', password: '', organization: { name: '', type, province: '' } };
}

export function setRegisterValue(values: RegisterValues, field: RegisterField, value: string): RegisterValues {
  switch (field) {
    case 'organization.name':
      return { ...values, organization: { ...values.organization, name: value } };
    case 'organization.type':
      return { ...values, organization: { ...values.organization, type: value } };
    case 'organization.province':
      return { ...values, organization: { ...values.organization, province: value } };
    default:
      return { ...values, [field]: value };
  }
}

/**
 * Validates with the shared registerSchema. A select left on its placeholder
 * reads as "required" rather than the schema's "unknown type" message.
 */
export function validateRegister(values: RegisterValues): ValidationResult<ReturnType<typeof registerSchema.parse>> {
  const result = validate(registerSchema, values);
  if (result.ok) return result;
  const errors = { ...result.errors };
  if (errors['organization.type'] && !values.organization.type) errors['organization.type'] = 'required';
  if (errors['organization.province'] && !values.organization.province) errors['organization.province'] = 'required';
  return { ok: false, errors };
}
