import { z } from './zod';

export const objectIdSchema = z.string('object_id').regex(/^[a-f0-9]{24}$/i, 'object_id');

/**
 * Bidirectional-text controls (embeddings, overrides, isolates): they make
 * text display in another order than it is stored ("exe.gpj" shown as
 * "jpg.exe"), so user text never carries them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
/** Characters that show nothing: zero-width spaces and joiners, word joiner, byte-order mark, soft hyphen. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** How many characters a reader sees (code points, invisible ones left out). */
export const visibleLength = (value: string): number => [...value.replace(INVISIBLE, '')].length;

/**
 * A required, trimmed text field whose minimum counts visible characters (six
 * zero-width spaces are not a title), refusing bidi controls.
 */
export function text(min: number, max: number, requiredKey = 'required') {
  return z
    .string(requiredKey)
    .trim()
    .max(max, 'too_long')
    .refine((v) => !BIDI_CONTROLS.test(v), 'bidi_control')
    .refine((v) => visibleLength(v) >= min, min <= 1 ? requiredKey : 'too_short');
}

/** An http(s) address (never javascript:, data: or file:). */
export const webUrl = (max = 200) =>
  z
    .url('invalid_type')
    .max(max, 'too_long')
    .refine((v) => /^https?:\/\//i.test(v), 'url_scheme');
