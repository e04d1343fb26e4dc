import { allConcepts, type Concept } from '../text';
import { type DemandForMatch, demandTerms, type OfferForMatch, offerTerms } from './score';
import type { Term, TermKind } from './terms';

/**
 * What the matcher needs of a listing besides the fields the search index
 * shows anyway (sectors, TRL, province, transfer modes): its terms, already
 * read, and its price or budget. Stored with the listing's search document,
 * so that a matching pass scores its candidates from what the search returns
 * instead of reading and re-reading every candidate's text (reading terms is
 * the costly part of scoring). `u` is the listing's `updatedAt` (ms) the
 * profile was read from: a reader holding the listing itself can tell
 * whether the profile is still current.
 */
export interface MatchProfile {
  /** The terms, one string each (see encodeTerms). */
  t: string[];
  /** The offer's lowest price and whether it is negotiable, or the demand's budget ceiling. */
  p: number | null;
  n: boolean;
  b: number | null;
  u: number;
}

const KIND: Record<string, TermKind> = { c: 'concept', p: 'compound', k: 'keyword', w: 'word' };
const SPECIFIC = 1;
const EMPHASIZED = 2;
const KEYWORD = 4;

/**
 * Terms as compact strings: key, weight and flags; a specific term (the only
 * kind explanations quote) also keeps where it was found and how it was
 * written. Keys never hold a tab (texts are split into words first).
 */
export function encodeTerms(terms: ReadonlyMap<string, Term>): string[] {
  return [...terms.values()].map((t) => {
    const flags = (t.specific ? SPECIFIC : 0) | (t.emphasized ? EMPHASIZED : 0) | (t.kind === 'keyword' ? KEYWORD : 0);
    const head = `${t.key}\t${t.weight}\t${flags}`;
    return t.specific ? `${head}\t${t.clause}\t${t.start}\t${t.end}\t${t.surface}` : head;
  });
}

let conceptsById: Map<number, Concept> | undefined;

/**
 * Profiles' terms decoded already, by the profile's array: the matcher keeps
 * the profiles it read lately and scores the same candidates pass after pass,
 * so each is decoded once while it is held (decoding was the costliest part of
 * a pass). Shared, hence read-only.
 */
const decoded = new WeakMap<readonly string[], ReadonlyMap<string, Term>>();

export function decodeTerms(encoded: readonly string[]): ReadonlyMap<string, Term> {
  const known = decoded.get(encoded);
  if (known) return known;
  conceptsById ??= new Map(allConcepts().map((c) => [c.id, c]));
  const terms = new Map<string, Term>();
  for (const line of encoded) {
    const [key, weight, flags, clause, start, end, surface] = line.split('\t');
    const f = Number(flags);
    const prefix = key.slice(0, key.indexOf(':'));
    terms.set(key, {
      key,
      kind: f & KEYWORD ? 'keyword' : (KIND[prefix] ?? 'word'),
      specific: !!(f & SPECIFIC),
      weight: Number(weight),
      emphasized: !!(f & EMPHASIZED),
      surface: surface ?? '',
      concept: prefix === 'c' ? (conceptsById.get(Number(key.slice(2))) ?? null) : null,
      clause: clause === undefined ? -1 : Number(clause),
      start: start === undefined ? 0 : Number(start),
      end: end === undefined ? 0 : Number(end),
    });
  }
  decoded.set(encoded, terms);
  return terms;
}

export function offerProfile(offer: OfferForMatch, updatedAt: number): MatchProfile {
  const p = offer.price?.min ?? null;
  return { t: encodeTerms(offerTerms(offer)), p, n: !!offer.price?.negotiable, b: null, u: updatedAt };
}

export function demandProfile(demand: DemandForMatch, updatedAt: number): MatchProfile {
  return { t: encodeTerms(demandTerms(demand)), p: null, n: false, b: demand.budget?.max ?? null, u: updatedAt };
}
