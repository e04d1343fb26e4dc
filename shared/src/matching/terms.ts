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

/** A word beginning with a digit (0–9). */
const isNumber = (w: TextWord) => {
  const c = w.folded.charCodeAt(0);
  return c >= 48 && c <= 57;
};
const keyOf = (words: TextWord[]) => words.map((w) => w.marked).join(' ');

export interface TextPart {
  text: string;
  /** Terms of this part count this many times their weight (titles and keywords say most). */
  emphasis?: number;
  /** A keyword: also a term as a whole phrase. */
  keyword?: boolean;
}

/**
 * The terms of a listing's texts, each key once with its greatest weight. Each
 * word's role and each adjacent pair's key and role are read once per clause,
 * and a term is only built when it would be kept: this runs for every listing
 * indexed and every listing matched.
 */
export function termsOf(parts: TextPart[]): Map<string, Term> {
  const terms = new Map<string, Term>();
  let clauseIndex = 0;
  /** Whether a term of this key and weight would change nothing (one as heavy is known). */
  const outweighed = (key: string, weight: number) => (terms.get(key)?.weight ?? -1) >= weight;
  /** `term`, a new object of the caller's, already weighted. */
  const add = (term: Term) => {
    const known = terms.get(term.key);
    if (!known) terms.set(term.key, term);
    else if (known.weight < term.weight) terms.set(term.key, { ...known, weight: term.weight, emphasized: true });
  };
  for (const part of parts) {
    const emphasis = part.emphasis ?? 1;
    const emphasized = emphasis > 1;
    for (const words of clausesOf(part.text)) {
      const clause = clauseIndex++;
      const n = words.length;
      const covered = new Array<boolean>(n).fill(false);
      for (const m of findConcepts(words)) {
        for (let i = m.start; i < m.end; i++) covered[i] = true;
        if (m.concept.kind === 'place') continue;
        const specific = m.concept.kind === 'specific';
        const key = `c:${m.concept.id}`;
        const weight = (specific ? TERM_WEIGHTS.specificConcept : TERM_WEIGHTS.broadConcept) * emphasis;
        if (outweighed(key, weight)) continue;
        add({
          key,
          kind: 'concept',
          specific,
          weight,
          emphasized,
          surface: m.surface,
          concept: m.concept,
          clause,
          start: m.start,
          end: m.end,
        });
      }
      const role = words.map((w) => roleOf(w.marked));
      // The key of words i and i+1 ("nhà máy" → "nhaf mays") and its role: a known two-syllable word or not.
      const pairKey = words.slice(0, -1).map((w, i) => `${w.marked} ${words[i + 1].marked}`);
      const pairRole = pairKey.map(roleOf);
      // Words i and i+1 belong to two different words: the first ends a known two-syllable word ("nhà máy") or
      // the second starts one ("chế biến"), so "nhà máy chế biến" yields no "máy chế".
      const straddles = (i: number) =>
        (i > 0 && pairRole[i - 1] !== 'content') || (i + 2 < n && pairRole[i + 1] !== 'content');
      const content = (i: number) => !covered[i] && !isNumber(words[i]) && role[i] !== 'function';
      for (let i = 0; i < n; i++) {
        if (!content(i)) continue;
        if (role[i] === 'content') {
          const key = `w:${words[i].marked}`;
          const weight = TERM_WEIGHTS.word * emphasis;
          if (!outweighed(key, weight))
            add({
              key,
              kind: 'word',
              specific: false,
              weight,
              emphasized,
              surface: words[i].text,
              concept: null,
              clause,
              start: i,
              end: i + 1,
            });
        }
        if (i + 1 < n && content(i + 1) && !straddles(i)) {
          const generic = pairRole[i] === 'generic' || (role[i] === 'generic' && role[i + 1] === 'generic');
          const key = `p:${pairKey[i]}`;
          const weight = (generic ? TERM_WEIGHTS.genericCompound : TERM_WEIGHTS.compound) * emphasis;
          if (!outweighed(key, weight))
            add({
              key,
              kind: 'compound',
              specific: !generic,
              weight,
              emphasized,
              surface: `${words[i].text} ${words[i + 1].text}`,
              concept: null,
              clause,
              start: i,
              end: i + 2,
            });
        }
      }
      if (part.keyword && n > 1 && !covered.every(Boolean)) {
        const generic = roleOf(keyOf(words)) === 'generic';
        add({
          key: `k:${keyOf(words)}`,
          kind: 'keyword',
          specific: !generic,
          weight: (generic ? TERM_WEIGHTS.genericCompound : TERM_WEIGHTS.keyword) * emphasis,
          emphasized,
          surface: words.map((w) => w.text).join(' '),
          concept: null,
          clause,
          start: 0,
          end: words.length,
        });
      }
      if (part.keyword && n === 1 && content(0) && role[0] === 'content') {
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
 * left out: they are not what the listings share. `shared` lists its keys
 * in the terms' order.
 */
export function sharedPhrases(
  terms: ReadonlyMap<string, Term>,
  shared: Set<string>,
  limit = 6,
): { phrase: string; english: string | null }[] {
  // `shared` in the terms' order: it is the shorter to go through.
  const spans = [...shared]
    .map((key) => terms.get(key))
    .filter((t): t is Term => !!t?.specific)
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
