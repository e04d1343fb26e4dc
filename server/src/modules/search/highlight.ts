import { foldVietnamese } from '@techbridge/shared';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Folded query terms; the last one also matches as a prefix (as Meilisearch does while typing). */
export function queryTerms(q: string): string[] {
  return foldVietnamese(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Wraps the words of `text` that match the query in <mark>, comparing folded
 * forms so that "nuoi tom" marks "nuôi tôm". Everything else is HTML-escaped,
 * so the result is safe to render as markup.
 */
export function highlight(text: string, terms: string[]): string {
  if (!terms.length) return escapeHtml(text);
  const last = terms[terms.length - 1];
  const exact = new Set(terms);
  return text
    .split(/([\p{L}\p{N}]+)/u)
    .map((part, i) => {
      if (i % 2 === 0) return escapeHtml(part);
      const folded = foldVietnamese(part);
      const hit = exact.has(folded) || (last.length >= 2 && folded.startsWith(last));
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
