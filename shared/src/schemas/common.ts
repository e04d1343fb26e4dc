import { z } from 'zod';

export const objectIdSchema = z.string('object_id').regex(/^[a-f0-9]{24}$/i, 'object_id');

/** A required, trimmed, single-line-or-more text field with length bounds. */
export function text(min: number, max: number, requiredKey = 'required') {
  return z
    .string(requiredKey)
    .trim()
    .min(min, min <= 1 ? requiredKey : 'too_short')
    .max(max, 'too_long');
}
