/**
 * The Vietnamese text model shared by search, matching and the client.
 *
 * Three forms of a word, each for its purpose:
 * - normalised: the original with Unicode NFC and one tone-placement
 *   convention ("hoà" and "hòa", "thuỷ" and "thủy" are the same word typed
 *   two ways), for storage and display;
 * - folded: without any mark ("chè" and "chế" both "che"), so that people who
 *   type without diacritics find everything;
 * - marked: the marks spelled in ASCII, Telex-style ("chè" → "chef", "chế" →
 *   "chees"), so that a query typed with diacritics can prefer the word it
 *   wrote over the words that only fold like it.
 */

const TONES: Record<string, string> = { '\u0301': 's', '\u0300': 'f', '\u0309': 'r', '\u0303': 'x', '\u0323': 'j' };
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
/** Vowel-quality marks in Telex: â ê ô (circumflex), ă (breve), ơ ư (horn). */
const QUALITY: Record<string, Record<string, string>> = {
  '\u0302': { a: 'aa', e: 'ee', o: 'oo' },
  '\u0306': { a: 'aw' },
  '\u031b': { o: 'ow', u: 'uw' },
};
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * One tone-placement convention: in an open syllable ending in "oa", "oe" or
 * "uy", the tone sits on the first vowel ("hòa", "khỏe", "thủy": the
 * traditional style most Vietnamese text uses), never the second ("hoà",
 * "khoẻ", "thuỷ"). "qu" + y keeps its mark on the y ("quý").
 */
function placeTone(word: string): string {
  const nfd = word.normalize('NFD');
  const tone = nfd.match(TONE_MARKS)?.[0];
  if (!tone) return word;
  const bare = nfd.replace(TONE_MARKS, '');
  const m = /(o|O)(a|A|e|E)$|(u|U)(y|Y)$/.exec(bare);
  if (!m || (m[3] && /q$/i.test(bare.slice(0, m.index)))) return word;
  // The tone goes right after the first vowel of the pair.
  return `${bare.slice(0, m.index + 1)}${tone}${bare.slice(m.index + 1)}`.normalize('NFC');
}

/**
 * Where placeTone may move a mark, in NFC text: a word ending in an "o" and a toned a or e, or a "u" and a toned
 * y. Most text has none, and then no word needs looking at.
 */
const MISPLACED = /(?:[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{N}])/u;
/** Anything but single spaces between words, and space at either end. */
const LOOSE = /\s\s|[^\S ]|^\s|\s$/;

/** NFC, one tone placement, single spaces. The form text is stored and shown in. */
export function normalizeVietnamese(input: string): string {
  let text = input.normalize('NFC');
  if (MISPLACED.test(text)) text = text.replace(WORD, placeTone);
  return LOOSE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * Without any mark, lower-case: what people type without diacritics.
 * "đ"/"Đ" is a letter of its own, not a combining mark, so NFD alone leaves it.
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

/**
 * A word with its marks spelled in ASCII (Telex-style): quality marks double
 * or follow the vowel (â → aa, ă → aw, ơ → ow, ư → uw, đ → dd) and the tone is
 * one letter at the end (s f r x j). Independent of where the tone was placed,
 * so "thuỷ" and "thủy" are both "thuyr". A word without marks is itself,
 * lower-cased.
 */
export function markedWord(word: string): string {
  let out = '';
  let tone = '';
  for (const ch of word.toLowerCase().normalize('NFD')) {
    if (TONES[ch]) tone = TONES[ch];
    else if (QUALITY[ch]) {
      const last = out.at(-1) ?? '';
      const spelled = QUALITY[ch][last];
      if (spelled) out = out.slice(0, -1) + spelled;
    } else if (ch === 'đ') out += 'dd';
    else if (!/[\u0300-\u036f]/.test(ch)) out += ch;
  }
  return out + tone;
}

/** Whether a word carries any Vietnamese mark (tone, vowel quality or đ). */
export const hasMarks = (word: string): boolean => /[^ -~]/.test(word) && markedWord(word) !== foldVietnamese(word);

/** The words of a text (letters and digits, Vietnamese ones included), normalised. */
export function wordsOf(text: string): string[] {
  return normalizeVietnamese(text).match(WORD) ?? [];
}

/** Lower-case, trimmed, NFC-normalised email — the one form stored and compared. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}
