import dictionaryData from '../taxonomies/dictionary.json';
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
 */
export interface Concept {
  id: number;
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

export function textWords(text: string): TextWord[] {
  return wordsOf(text).map((w) => ({ text: w, folded: foldVietnamese(w), marked: markedWord(w), marks: hasMarks(w) }));
}

/** A word written with marks must match them exactly; one written without compares folded. */
const sameWord = (word: TextWord, phrase: TextWord) =>
  word.marks ? word.marked === phrase.marked : word.folded === phrase.folded;

interface Entry {
  concept: Concept;
  words: TextWord[];
}

let built: { concepts: Concept[]; byFirst: Map<string, Entry[]> } | undefined;

/** The concepts, indexed by the folded first word of each phrase (built on first use). */
function index() {
  if (built) return built;
  const groups = [...synonymsData.groups, ...dictionaryData.groups];
  const concepts: Concept[] = groups.map((phrases, id) => ({
    id,
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
  built = { concepts, byFirst };
  return built;
}

export function allConcepts(): readonly Concept[] {
  return index().concepts;
}

/** The concepts a text mentions, longest phrases first, without overlaps, in text order. */
export function findConcepts(words: TextWord[]): ConceptMention[] {
  const { byFirst } = index();
  const found: ConceptMention[] = [];
  for (let i = 0; i < words.length; ) {
    const match = (byFirst.get(words[i].folded) ?? []).find(
      (e) => i + e.words.length <= words.length && e.words.every((w, k) => sameWord(words[i + k], w)),
    );
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
