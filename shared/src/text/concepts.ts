import dictionaryData from '../taxonomies/dictionary.json';
import provincesData from '../taxonomies/provinces.json';
import synonymsData from '../taxonomies/synonyms.json';
import { foldVietnamese, hasMarks, markedWord, wordsOf } from './normalize';

/**
 * Concepts: groups of phrases that mean the same thing — abbreviations and
 * synonyms (synonyms.json: "UAV", "drone", "máy bay không người lái") and
 * the Vietnamese–English terms of the sectors (dictionary.json: "chế biến
 * chè", "tea processing"). A text mentions a concept when it contains one of
 * its phrases, word for word: a word written with marks must carry the same
 * marks ("chè" is not "chế"), a word written without them compares folded
 * (people type "xu ly nuoc thai"). Phrases are found longest first and do
 * not overlap, so "vải thiều" (lychee) is not also "vải" (fabric) and
 * "công nghệ" is not "nghệ" (turmeric).
 *
 * Each concept has a kind: `specific` names a technology, product or
 * process ("máy sấy", "tro bay"); `broad` only says what field a text is in
 * ("nông nghiệp", "AI", "môi trường"); `place` is a province, by its
 * current or a pre-2025 name ("Thái Nguyên", "Bắc Kạn"), so that the words
 * of a place name are never read as technical words.
 */
export type ConceptKind = 'specific' | 'broad' | 'place';

export interface Concept {
  id: number;
  kind: ConceptKind;
  /** Every phrase of the concept, as written in the data file. */
  phrases: readonly string[];
  /** How explanations name it in Vietnamese: its first phrase. */
  name: string;
  /** An English gloss (its first lower-case English phrase), if it has one. */
  english: string | null;
}

/** A word of a text in the three forms the model compares. */
export interface TextWord {
  /** As written (normalised). */
  text: string;
  folded: string;
  marked: string;
  marks: boolean;
}

export interface ConceptMention {
  concept: Concept;
  /** Word positions [start, end) in the text. */
  start: number;
  end: number;
  /** The phrase as written in the text. */
  surface: string;
}

/**
 * An English plural as its singular ("pumps" → "pump", "dryers" → "dryer"),
 * for words written in lower case (not "GIS") of four letters or more. No
 * Vietnamese syllable ends in "s", so Vietnamese words are never touched.
 */
const singular = (word: string, folded: string) =>
  /^[A-Za-z][a-z]{2,}s$/.test(word) && !/(ss|us|is)$/.test(folded) ? folded.slice(0, -1) : folded;

/** Words already read (a text's vocabulary repeats): bounded, emptied when full. */
const wordCache = new Map<string, TextWord>();
const WORD_CACHE = 50_000;
/** The same, by the word as it came (before normalisation): see wordOf. */
const rawCache = new Map<string, TextWord | null>();

/** The one word a string holds (its first), as textWords reads it; cached, for callers reading word by word. */
export function wordOf(raw: string): TextWord | null {
  let word = rawCache.get(raw);
  if (word === undefined) {
    word = textWords(raw)[0] ?? null;
    if (rawCache.size >= WORD_CACHE) rawCache.clear();
    rawCache.set(raw, word);
  }
  return word;
}

export function textWords(text: string): TextWord[] {
  return wordsOf(text).map((w) => {
    const known = wordCache.get(w);
    if (known) return known;
    const marks = hasMarks(w);
    const folded = singular(w, foldVietnamese(w));
    const word: TextWord = Object.freeze({ text: w, folded, marked: marks ? markedWord(w) : folded, marks });
    if (wordCache.size >= WORD_CACHE) wordCache.clear();
    wordCache.set(w, word);
    return word;
  });
}

/**
 * A word written with marks must match them exactly; one written without
 * compares folded — unless the text around it is written with marks, where
 * a bare word is meant bare ("tra" in "kiểm tra" is not "trà").
 */
const sameWord = (word: TextWord, phrase: TextWord, markedText: boolean) =>
  word.marks || markedText ? word.marked === phrase.marked : word.folded === phrase.folded;

/** A text is written with marks when at least a third of its words carry them (Vietnamese typed with its marks). */
const writtenWithMarks = (words: TextWord[]) => words.filter((w) => w.marks).length * 3 >= words.length;

interface Entry {
  concept: Concept;
  words: TextWord[];
}

let built: { concepts: Concept[]; byFirst: Map<string, Entry[]>; compounds: Map<string, TextWord[][]> } | undefined;

/** The concepts, indexed by the folded first word of each phrase (built on first use). */
function index() {
  if (built) return built;
  const broad = new Set([...synonymsData.broad, ...dictionaryData.broad]);
  const groups: { phrases: string[]; kind: ConceptKind }[] = [
    ...[...synonymsData.groups, ...dictionaryData.groups].map((phrases) => ({
      phrases,
      kind: (broad.has(phrases[0]) ? 'broad' : 'specific') as ConceptKind,
    })),
    ...provincesData.units.map((p) => ({
      phrases: [...new Set([p.name, ...p.legacyNames])],
      kind: 'place' as const,
    })),
  ];
  const concepts: Concept[] = groups.map(({ phrases, kind }, id) => ({
    id,
    kind,
    phrases,
    name: phrases[0],
    english: phrases.find((p) => /^[a-z][a-z -]+$/.test(p)) ?? null,
  }));
  const byFirst = new Map<string, Entry[]>();
  for (const concept of concepts) {
    for (const phrase of concept.phrases) {
      const words = textWords(phrase);
      if (!words.length) continue;
      const list = byFirst.get(words[0].folded) ?? [];
      list.push({ concept, words });
      byFirst.set(words[0].folded, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  // Compounds of the function and generic words ("kiểm tra", "trong đó"): read as one unit, so that
  // none of their words is read alone as a concept ("tra" of "kiểm tra" as "trà").
  const compounds = new Map<string, TextWord[][]>();
  for (const phrase of [...dictionaryData.generic, ...dictionaryData.functionWords]) {
    const words = textWords(phrase);
    if (words.length < 2) continue;
    compounds.set(words[0].folded, [...(compounds.get(words[0].folded) ?? []), words]);
  }
  built = { concepts, byFirst, compounds };
  return built;
}

export function allConcepts(): readonly Concept[] {
  return index().concepts;
}

const NONE: TextWord[][] = [];

/** The concepts a text mentions, longest phrases first, without overlaps, in text order. */
export function findConcepts(words: TextWord[]): ConceptMention[] {
  const { byFirst, compounds } = index();
  const markedText = writtenWithMarks(words);
  const at = (i: number, phrase: TextWord[]) =>
    i + phrase.length <= words.length && phrase.every((w, k) => sameWord(words[i + k], w, markedText));
  const found: ConceptMention[] = [];
  for (let i = 0; i < words.length; ) {
    const match = byFirst.get(words[i].folded)?.find((e) => at(i, e.words));
    let compound = 0;
    for (const c of compounds.get(words[i].folded) ?? NONE) if (c.length > compound && at(i, c)) compound = c.length;
    if (compound > (match?.words.length ?? 0)) {
      i += compound;
      continue;
    }
    if (!match) {
      i += 1;
      continue;
    }
    const end = i + match.words.length;
    found.push({
      concept: match.concept,
      start: i,
      end,
      surface: words
        .slice(i, end)
        .map((w) => w.text)
        .join(' '),
    });
    i = end;
  }
  return found;
}

/** What a word is to the matcher: a function word ("của", "the") or a word every technical text uses ("hệ thống"). */
export type WordRole = 'function' | 'generic' | 'content';

let roles: { function: Set<string>; generic: Set<string> } | undefined;
const phraseKey = (phrase: string) =>
  textWords(phrase)
    .map((w) => w.marked)
    .join(' ');

function roleSets() {
  roles ??= {
    function: new Set(dictionaryData.functionWords.map(phraseKey)),
    generic: new Set(dictionaryData.generic.map(phraseKey)),
  };
  return roles;
}

/** The role of a word or a phrase, by its marked spelling ("hệ thống" → "heej thoongs"). */
export function roleOf(markedPhrase: string): WordRole {
  const sets = roleSets();
  if (sets.function.has(markedPhrase)) return 'function';
  return sets.generic.has(markedPhrase) ? 'generic' : 'content';
}
