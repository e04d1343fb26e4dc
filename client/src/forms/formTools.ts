import type { FieldKeys } from './validate';

/** A form's values, setter and error lookup, handed to field components. */
export interface FormApi<V> {
  values: V;
  set: <K extends keyof V & string>(key: K, value: V[K]) => void;
  error: (key: keyof V & string) => string | undefined;
}

/**
 * Maps error paths from a schema or the server onto the form's fields:
 * "sectors.0" → "sectors", aliases like "ip" → "ip.type"; anything the form
 * has no field for lands on "_form". The first message per field wins.
 */
export function toFieldErrors(
  errors: Record<string, string>,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): FieldKeys {
  const out: FieldKeys = {};
  for (const [path, message] of Object.entries(errors)) {
    let key = path.replace(/(\.\d+)+$/, '');
    key = aliases[key] ?? key;
    if (!fields.includes(key)) key = fields.find((f) => f.startsWith(`${key}.`)) ?? '_form';
    if (!(key in out)) out[key] = message;
  }
  return out;
}

/** A money amount typed with or without thousands separators ("1.200.000", "1 200 000"); NaN if not a whole number. */
export function parseAmount(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const digits = trimmed.replace(/[\s.,_]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/** Shows a stored amount in the input the way Vietnamese users write it. */
export function amountText(value: number | undefined): string {
  return value === undefined ? '' : new Intl.NumberFormat('vi-VN').format(value);
}

/** Top-level keys whose value differs between two parsed inputs. */
export function changedKeys<T extends object>(current: T, baseline: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(current) as (keyof T)[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(baseline[key])) patch[key] = current[key];
  }
  return patch;
}

/** Empty fields read as "required" rather than the schema's "too short" or "unknown value" message. */
export function requireFilled(errors: FieldKeys, values: Record<string, unknown>, keys: readonly string[]): FieldKeys {
  const out = { ...errors };
  for (const key of keys) {
    const value = values[key];
    if (out[key] && typeof value === 'string' && value.trim() === '') out[key] = 'required';
  }
  return out;
}

/**
 * A listing's translation as the API takes it: empty boxes left out, so
 * clearing both sends {} (which removes a stored translation).
 */
export function translationInput(values: { 'translation.title': string; 'translation.summary': string }): {
  title?: string;
  summary?: string;
} {
  const title = values['translation.title'].trim();
  const summary = values['translation.summary'].trim();
  return { ...(title ? { title } : {}), ...(summary ? { summary } : {}) };
}

let nextItemId = 0;
/** A list item with a stable key for React. */
export interface ListItem {
  id: number;
  text: string;
}
export function listItem(text = ''): ListItem {
  nextItemId += 1;
  return { id: nextItemId, text };
}
