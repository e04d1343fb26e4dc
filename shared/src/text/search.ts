import { findConcepts, textWords } from './concepts';

/**
 * The text as the search index holds it and queries are sent: every word
 * folded, followed by its marked spelling when it has marks ("chè xanh" →
 * "che chef xanh"). The engine folds marks by itself, so it cannot tell
 * "chè" from "chế"; with both forms on both sides, a query typed with marks
 * matches one more word in the listings that wrote the same word, and ranks
 * them first, while a query typed without marks still finds everything.
 */
export function searchTokens(text: string): string {
  return textWords(text)
    .flatMap((w) => (w.marks ? [w.folded, w.marked] : [w.folded]))
    .join(' ');
}

/**
 * The other phrases of every concept a text mentions, as search tokens: a
 * listing that says "UAV" is found by "máy bay không người lái" and "drone",
 * one in Vietnamese by the English words of its terms, and the reverse.
 */
export function conceptExpansions(texts: string[]): string[] {
  const out = new Map<number, string[]>();
  for (const text of texts) {
    for (const m of findConcepts(textWords(text))) {
      if (out.has(m.concept.id)) continue;
      out.set(
        m.concept.id,
        m.concept.phrases.map((p) => searchTokens(p)),
      );
    }
  }
  return [...out.values()].flat();
}
