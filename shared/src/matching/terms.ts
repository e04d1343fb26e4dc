import { type Concept, findConcepts, roleOf, type TextWord, textWords } from '../text';

/**
 * The terms of a listing as the matcher compares them, built on the same
 * text model as search (shared/src/text):
 * - concepts: a phrase of the dictionary or the synonyms ("máy bay không
 *   người lái" = "UAV" = "drone"; "chế biến chè" = "tea processing"), found
 *   longest first with exact marks, so "tro bay" is not a drone and "chè" is
 *   not "chế";
 * - compounds: two adjacent content words of the same clause, compared with
 *   their marks ("bùn hạt", "hiếu khí", "máy sấy"): most Vietnamese words
 *   have two syllables, and a pair says what a lone syllable cannot;
 * - keywords: a keyword as a whole phrase, the listing's own statement of
 *   what it is about;
 * - words: a lone content word, which alone proves nothing.
 * Province names are read as places and left to the location reason;
 * function words ("của", "the") break compounds; generic words every
 * technical text uses ("hệ thống", "sản xuất") count for little.
 */
export type TermKind = 'concept' | 'compound' | 'keyword' | 'word';

export interface Term {
  key: string;
  kind: TermKind;
  /** Whether it can carry a match: a specific concept, a compound or keyword of content words. */
  specific: boolean;
  /** How much sharing it says about two listings. */
  weight: number;
  /** Found in a title or a keyword: what the listing says it is about. */
  emphasized: boolean;
  /** As written in the text (first occurrence). */
  surface: string;
  concept: Concept | null;
  /** Where it was found: the clause index and word range, to merge adjacent terms into phrases. */
  clause: number;
  start: number;
  end: number;
}

/** What sharing one term of each kind is worth. */
export const TERM_WEIGHTS = {
  specificConcept: 3,
  broadConcept: 0.5,
  compound: 1,
  genericCompound: 0.2,
  keyword: 1.5,
  word: 0.15,
} as const;

/** A clause: words between punctuation, the unit compounds are read in. */
const clausesOf = (text: string): TextWord[][] =>
  text
    .split(/[.,;:!?()[\]{}\n\r\t"“”'‘’/|•·–—+=*&%#<>]+|\s-\s/u)
    .map((c) => textWords(c))
    .filter((c) => c.length > 0);

const isNumber = (w: TextWord) => /^\d/.test(w.folded);
const keyOf = (words: TextWord[]) => words.map((w) => w.marked).join(' ');

/**
 * Whether words i and i+1 belong to two different words: the first ends a
 * known two-syllable word ("nhà máy") or the second starts one ("chế
 * biến"), so "nhà máy chế biến" yields no "máy chế".
 */
function straddles(words: TextWord[], i: number): boolean {
  const known = (a: number) => a >= 0 && a + 1 < words.length && roleOf(keyOf(words.slice(a, a + 2))) !== 'content';
  return known(i - 1) || known(i + 1);
}

export interface TextPart {
  text: string;
  /** Terms of this part count this many times their weight (titles and keywords say most). */
  emphasis?: number;
  /** A keyword: also a term as a whole phrase. */
  keyword?: boolean;
}

/** The terms of a listing's texts, each key once with its greatest weight. */
export function termsOf(parts: TextPart[]): Map<string, Term> {
  const terms = new Map<string, Term>();
  let clauseIndex = 0;
  const add = (term: Omit<Term, 'emphasized'>, emphasis: number) => {
    const weighted = { ...term, weight: term.weight * emphasis, emphasized: emphasis > 1 };
    const known = terms.get(term.key);
    if (!known) terms.set(term.key, weighted);
    else if (known.weight < weighted.weight)
      terms.set(term.key, { ...known, weight: weighted.weight, emphasized: true });
  };
  for (const part of parts) {
    const emphasis = part.emphasis ?? 1;
    for (const words of clausesOf(part.text)) {
      const clause = clauseIndex++;
      const covered = new Array<boolean>(words.length).fill(false);
      for (const m of findConcepts(words)) {
        for (let i = m.start; i < m.end; i++) covered[i] = true;
        if (m.concept.kind === 'place') continue;
        const specific = m.concept.kind === 'specific';
        add(
          {
            key: `c:${m.concept.id}`,
            kind: 'concept',
            specific,
            weight: specific ? TERM_WEIGHTS.specificConcept : TERM_WEIGHTS.broadConcept,
            surface: m.surface,
            concept: m.concept,
            clause,
            start: m.start,
            end: m.end,
          },
          emphasis,
        );
      }
      const content = (i: number) => !covered[i] && !isNumber(words[i]) && roleOf(words[i].marked) !== 'function';
      for (let i = 0; i < words.length; i++) {
        if (!content(i)) continue;
        if (roleOf(words[i].marked) === 'content')
          add(
            {
              key: `w:${words[i].marked}`,
              kind: 'word',
              specific: false,
              weight: TERM_WEIGHTS.word,
              surface: words[i].text,
              concept: null,
              clause,
              start: i,
              end: i + 1,
            },
            emphasis,
          );
        if (i + 1 < words.length && content(i + 1) && !straddles(words, i)) {
          const pair = words.slice(i, i + 2);
          const generic = roleOf(keyOf(pair)) === 'generic' || pair.every((w) => roleOf(w.marked) === 'generic');
          add(
            {
              key: `p:${keyOf(pair)}`,
              kind: 'compound',
              specific: !generic,
              weight: generic ? TERM_WEIGHTS.genericCompound : TERM_WEIGHTS.compound,
              surface: pair.map((w) => w.text).join(' '),
              concept: null,
              clause,
              start: i,
              end: i + 2,
            },
            emphasis,
          );
        }
      }
      if (part.keyword && words.length > 1 && !covered.every(Boolean)) {
        const generic = roleOf(keyOf(words)) === 'generic';
        add(
          {
            key: `k:${keyOf(words)}`,
            kind: 'keyword',
            specific: !generic,
            weight: generic ? TERM_WEIGHTS.genericCompound : TERM_WEIGHTS.keyword,
            surface: words.map((w) => w.text).join(' '),
            concept: null,
            clause,
            start: 0,
            end: words.length,
          },
          emphasis,
        );
      }
      if (part.keyword && words.length === 1 && content(0) && roleOf(words[0].marked) === 'content') {
        // A one-word keyword ("sấy", "ủ") is the listing's own word for what it is about.
        const key = `w:${words[0].marked}`;
        const term = terms.get(key);
        if (term)
          terms.set(key, {
            ...term,
            kind: 'keyword',
            specific: true,
            weight: TERM_WEIGHTS.keyword * emphasis,
            emphasized: true,
          });
      }
    }
  }
  return terms;
}

/**
 * The shared terms as phrases written in `texts` (the demand's words, or
 * the offer's for an offer-side reader): adjacent shared terms of one clause
 * merge into one phrase ("bùn hạt" + "hạt hiếu" + "hiếu khí" → "bùn hạt
 * hiếu khí"), each phrase once, the strongest first. Lone shared words are
 * left out: they are not what the listings share.
 */
export function sharedPhrases(
  terms: ReadonlyMap<string, Term>,
  shared: Set<string>,
  limit = 6,
): { phrase: string; english: string | null }[] {
  const spans = [...terms.values()]
    .filter((t) => shared.has(t.key) && t.specific)
    .sort((a, b) => a.clause - b.clause || a.start - b.start || b.end - a.end);
  const merged: { clause: number; start: number; end: number; weight: number; parts: Term[] }[] = [];
  for (const t of spans) {
    const last = merged.at(-1);
    if (last && last.clause === t.clause && t.start < last.end) {
      last.end = Math.max(last.end, t.end);
      last.weight += t.weight;
      last.parts.push(t);
    } else merged.push({ clause: t.clause, start: t.start, end: t.end, weight: t.weight, parts: [t] });
  }
  const out = new Map<string, { phrase: string; english: string | null; weight: number }>();
  for (const span of merged) {
    const phrase = joinParts(span.parts);
    const key = phrase.toLocaleLowerCase('vi');
    const only = span.parts.length === 1 ? span.parts[0].concept : null;
    const english = only?.english && only.english.toLowerCase() !== key ? only.english : null;
    const known = out.get(key);
    if (!known || known.weight < span.weight) out.set(key, { phrase, english, weight: span.weight });
  }
  // A phrase inside a longer one ("nước thải" in "xử lý nước thải") says nothing more.
  const inside = (short: string, long: string) => short !== long && ` ${long} `.includes(` ${short} `);
  const all = [...out.keys()];
  return [...out.entries()]
    .filter(([key]) => !all.some((other) => inside(key, other)))
    .map(([, value]) => value)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .map(({ phrase, english }) => ({ phrase, english }));
}

/** The surface of overlapping terms of one clause as one phrase: each word once, in order. */
function joinParts(parts: Term[]): string {
  const words = new Map<number, string>();
  for (const p of parts) {
    const split = p.surface.split(' ');
    // A concept's surface spans its word range exactly; so does a compound's.
    split.forEach((w, k) => {
      if (!words.has(p.start + k)) words.set(p.start + k, w);
    });
  }
  return [...words.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, w]) => w)
    .join(' ');
}
