/**
 * Vietnamese-aware text folding. Vietnamese users often type without diacritics
 * ("nuoi tom" for "nuôi tôm"); folding both sides makes them compare equal.
 * "đ"/"Đ" is a separate letter, not a combining mark, so NFD alone leaves it.
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower-case, trimmed, NFC-normalised email — the one form stored and compared. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}
