import type { z } from 'zod';
import { validationError } from '../../errors';

/**
 * Turns zod issues into `{field: messageKey}`, the first per field. The error
 * middleware renders the keys in the reader's language.
 */
export function issuesToFields(issues: z.core.$ZodIssue[], field = '_'): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const name = [...issue.path, key].join('.');
        fields[name] ??= 'unknown_field';
      }
      continue;
    }
    const name = issue.path.length ? issue.path.join('.') : field;
    fields[name] ??= issue.message;
  }
  return fields;
}

/**
 * The one way requests are validated: parse with a shared zod schema, or throw
 * a 400 naming each bad field. Returns the parsed, typed value.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, field?: string): z.output<S> {
  const result = schema.safeParse(value ?? (field ? undefined : {}));
  if (result.success) return result.data;
  throw validationError(issuesToFields(result.error.issues, field));
}

/** A route's `:id` parameter as a MongoDB id, or a 400 naming the parameter. */
export function parseId(value: unknown, field = 'id'): string {
  if (typeof value === 'string' && /^[a-f0-9]{24}$/i.test(value)) return value;
  throw validationError({ [field]: 'object_id' });
}
