import type { z } from 'zod';

/** Message keys (see shared validationMessages) by dotted field path, e.g. "organization.name". */
export type FieldKeys = Record<string, string>;

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; errors: FieldKeys };

/**
 * Validates with a shared zod schema. Issues are flattened by path joined with
 * "."; the first issue per field wins. Messages stay keys so they can be
 * rendered in whichever language the UI shows when they are displayed.
 */
export function validate<S extends z.ZodType>(schema: S, values: unknown): ValidationResult<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldKeys = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = issue.message;
  }
  return { ok: false, errors };
}
