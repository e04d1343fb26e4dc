import { type VerificationRequestInput, verificationRequestSchema } from '@techbridge/shared';
import type { VerificationDto } from '../../api/verification';
import { requireFilled } from '../../forms/formTools';
import { type ValidationResult, validate } from '../../forms/validate';

export type VerificationField = keyof VerificationRequestInput;
export type VerificationValues = Record<VerificationField, string>;

/** Form order, for moving focus to the first error. */
export const verificationFieldOrder: readonly VerificationField[] = [
  'registrationNumber',
  'taxCode',
  'address',
  'website',
  'note',
];
const required: readonly VerificationField[] = ['registrationNumber', 'address'];

/** The form field name (and id suffix) of a request field. */
export const verificationFieldName = (field: string) => `verification.${field}`;

const isFormField = (path: string): path is VerificationField =>
  (verificationFieldOrder as readonly string[]).includes(path);

/** A new request starts empty, or with the details of the rejected one it replaces. */
export function verificationValuesFrom(previous: VerificationDto | null): VerificationValues {
  return {
    registrationNumber: previous?.registrationNumber ?? '',
    taxCode: previous?.taxCode ?? '',
    address: previous?.address ?? '',
    website: previous?.website ?? '',
    note: previous?.note ?? '',
  };
}

/** The request body: trimmed; optional fields left empty are not sent (the schema rejects empty strings there). */
export function verificationInput(values: VerificationValues): Record<string, string> {
  const input: Record<string, string> = {};
  for (const field of verificationFieldOrder) {
    const value = values[field].trim();
    if (value || required.includes(field)) input[field] = value;
  }
  return input;
}

/** Checks with the server's schema; errors are message keys by form field name, empty required fields as "required". */
export function validateVerification(values: VerificationValues): ValidationResult<VerificationRequestInput> {
  const input = verificationInput(values);
  const result = validate(verificationRequestSchema, input);
  if (result.ok) return result;
  const keys = requireFilled(result.errors, input, required);
  return {
    ok: false,
    errors: Object.fromEntries(Object.entries(keys).map(([path, key]) => [verificationFieldName(path), key])),
  };
}

/** The server's field messages, split between the form's fields (by field name) and paths the form lacks. */
export function splitServerFieldErrors(fields: Record<string, string>): {
  byField: Record<string, string>;
  other: string[];
} {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    if (isFormField(path)) byField[verificationFieldName(path)] = message;
    else other.push(message);
  }
  return { byField, other };
}
