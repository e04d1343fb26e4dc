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

/** Meilisearch reads the first ten words of a query and ignores the rest. */
export const QUERY_WORD_LIMIT = 10;

/**
 * A query as search tokens within the engine's word limit. A short query is
 * sent like indexed text (each word folded, then marked). A longer one sends
 * every word folded first, so that no typed word is lost, and then as many
 * marked spellings as still fit, from the first word on.
 */
export function queryTokens(query: string): string {
  const words = textWords(query);
  const marked = words.filter((w) => w.marks);
  if (words.length + marked.length <= QUERY_WORD_LIMIT) return searchTokens(query);
  const folded = words.map((w) => w.folded);
  const room = Math.max(0, QUERY_WORD_LIMIT - folded.length);
  return [...folded, ...marked.slice(0, room).map((w) => w.marked)].join(' ');
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
      if (m.concept.kind === 'place' || out.has(m.concept.id)) continue;
      let tokens = phraseTokens.get(m.concept.id);
      if (!tokens) {
        tokens = m.concept.phrases.map((p) => searchTokens(p));
        phraseTokens.set(m.concept.id, tokens);
      }
      out.set(m.concept.id, tokens);
    }
  }
  return [...out.values()].flat();
}

/** A concept's phrases as search tokens, by concept id (the dictionary is fixed: computed once each). */
const phraseTokens = new Map<number, string[]>();
