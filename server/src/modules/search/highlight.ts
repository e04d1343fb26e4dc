import { type TextWord, textWords, wordOf } from '@techbridge/shared';

const ENTITIES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);
/** The letters a folded letter stands for, with any marks (the regular expression's `i` flag adds capitals). */
const SPELLINGS: Record<string, string> = {
  a: 'aàáảãạăằắẳẵặâầấẩẫậ',
  e: 'eèéẻẽẹêềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọôồốổỗộơờớởỡợ',
  u: 'uùúủũụưừứửữự',
  y: 'yỳýỷỹỵ',
  d: 'dđ',
};
const spelled = (folded: string) => [...folded].map((c) => (SPELLINGS[c] ? `[${SPELLINGS[c]}]` : c)).join('');

/** The query's words; the last also matches as a prefix (as the engine does while people type). */
export function queryTerms(q: string): TextWord[] {
  return textWords(q);
}

/** A word typed with marks matches the same marks only ("chè" not "chế"); one typed without, any marks. */
const matches = (word: TextWord, term: TextWord, prefix: boolean) => {
  const [a, b] = term.marks ? [word.marked, term.marked] : [word.folded, term.folded];
  return prefix ? b.length >= 2 && a.startsWith(b) : a === b;
};

/**
 * A highlighter for one query: wraps the words of a text that the query
 * asked for in <mark>, as the ranking reads them: "nuoi tom" marks "nuôi
 * tôm", and "chè" marks "chè" but not "chế". Everything else is
 * HTML-escaped, so the result is safe to render as markup. One pass over the
 * text that stops only at markup characters and at words beginning with a
 * term's letters, whatever their marks (a search page holds ~40 texts); each
 * such word is then judged as above, once per query.
 */
export function highlighter(terms: TextWord[]): (text: string) => string {
  const last = terms.length - 1;
  // Folded words are letters and digits only: nothing to escape in the pattern.
  const stems = terms.map((t) => spelled(t.folded));
  const tokens = new RegExp(
    stems.length ? `[&<>"']|(?<![\\p{L}\\p{N}])(?:${stems.join('|')})[\\p{L}\\p{N}]*` : `[&<>"']`,
    'giu',
  );
  const judged = new Map<string, boolean>();
  const asked = (part: string) => {
    let hit = judged.get(part);
    if (hit === undefined) {
      const word = wordOf(part);
      hit = !!word && terms.some((t, k) => matches(word, t, false) || (k === last && matches(word, t, true)));
      judged.set(part, hit);
    }
    return hit;
  };
  return (text) => text.replace(tokens, (part) => ENTITIES.get(part) ?? (asked(part) ? `<mark>${part}</mark>` : part));
}

/** `text` with the words of `terms` marked (see highlighter). */
export function highlight(text: string, terms: TextWord[]): string {
  return highlighter(terms)(text);
}

/** Cuts long text at a word boundary near `max` characters. */
export function crop(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max)}…`;
}
