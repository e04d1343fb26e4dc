import { type TextWord, textWords, wordOf } from '@techbridge/shared';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

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
 * Wraps the words of `text` that the query asked for in <mark>, as the
 * ranking reads them: "nuoi tom" marks "nuôi tôm", and "chè" marks "chè" but
 * not "chế". Everything else is HTML-escaped, so the result is safe to
 * render as markup.
 */
export function highlight(text: string, terms: TextWord[]): string {
  if (!terms.length) return escapeHtml(text);
  const last = terms.length - 1;
  return text
    .split(/([\p{L}\p{N}]+)/u)
    .map((part, i) => {
      if (i % 2 === 0) return escapeHtml(part);
      const word = wordOf(part);
      const hit = !!word && terms.some((t, k) => matches(word, t, false) || (k === last && matches(word, t, true)));
      return hit ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part);
    })
    .join('');
}

/** Cuts long text at a word boundary near `max` characters. */
export function crop(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max)}…`;
}
