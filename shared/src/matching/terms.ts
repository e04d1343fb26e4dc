import { synonymGroups } from '../taxonomies';
import { foldVietnamese } from '../text';

/**
 * Syllables too common in Vietnamese technical writing to say anything about
 * a match ("của", "và", "cho", "công nghệ"…), folded.
 */
const STOP = new Set([
  'cua',
  'va',
  'cho',
  'cac',
  'nhung',
  'mot',
  'la',
  'co',
  'duoc',
  'trong',
  'tren',
  'voi',
  'de',
  'tu',
  'den',
  'khi',
  'nay',
  'do',
  'theo',
  'tai',
  've',
  'can',
  'nhu',
  'cau',
  'he',
  'thong',
  'giai',
  'phap',
  'cong',
  'nghe',
  'quy',
  'trinh',
  'san',
  'pham',
  'nang',
  'cao',
  'hieu',
  'qua',
  'ung',
  'dung',
  'phat',
  'trien',
  'nghien',
  'cuu',
  'su',
  'so',
  'bang',
  'khong',
  'hon',
  'tren',
  'duoi',
  'nhat',
  'muc',
  'ra',
  'vao',
  'da',
  'dang',
  'se',
  'thi',
  'ma',
  'nen',
  'neu',
  'the',
  'and',
  'for',
  'with',
  'of',
  'to',
  'in',
  'on',
  'a',
  'an',
  'by',
  'from',
  'technology',
  'system',
]);

/** Folded syllables of a text, without stop syllables and numbers. */
export function syllables(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((s) => s.length >= 2 && !STOP.has(s) && !/^\d+$/.test(s));
}

/** Each synonym group as folded phrases, e.g. ["xlnt", "xu ly nuoc thai", "wastewater treatment"]. */
const synonymPhrases = synonymGroups.map((g) => g.map((t) => foldVietnamese(t)));

/**
 * Terms of a text for matching: single syllables, adjacent pairs (most
 * Vietnamese words have two syllables: "nước thải", "nuôi tôm"), and a
 * canonical concept id for every synonym phrase present, so "XLNT" and
 * "xử lý nước thải" meet.
 */
export function termsOf(texts: string[]): Set<string> {
  const terms = new Set<string>();
  for (const text of texts) {
    const folded = ` ${foldVietnamese(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    const syl = syllables(text);
    for (const s of syl) terms.add(s);
    for (let i = 0; i + 1 < syl.length; i++) terms.add(`${syl[i]} ${syl[i + 1]}`);
    synonymPhrases.forEach((group, index) => {
      if (group.some((phrase) => phrase && folded.includes(` ${phrase.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `))) {
        terms.add(`concept:${index}`);
      }
    });
  }
  return terms;
}

/** A human-readable form of a term for match reasons. */
export function displayTerm(term: string): string {
  if (term.startsWith('concept:')) return synonymGroups[Number(term.slice(8))]?.[0] ?? term;
  return term;
}
