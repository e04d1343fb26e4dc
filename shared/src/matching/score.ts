import { getProvince } from '../taxonomies';
import { type MatchAdjustment, type MatchTuning, noTuning } from './feedback';
import { type SectorRelation, sectorRelation } from './sectors';
import { sharedPhrases, type Term, type TextPart, termsOf } from './terms';

/** What the scorer needs of an offer; never its confidential details. */
export interface OfferForMatch {
  title: string;
  summary: string;
  keywords: string[];
  applications?: string[] | null;
  sectors: string[];
  trl: number;
  province: string;
  transferModes: string[];
  price?: { min?: number | null; max?: number | null; negotiable?: boolean | null } | null;
  translation?: { title?: string | null; summary?: string | null } | null;
}

export interface DemandForMatch {
  title: string;
  problem: string;
  requirements?: string | null;
  keywords: string[];
  sectors: string[];
  trlMin?: number | null;
  province: string;
  transferModes: string[];
  budget?: { max?: number | null } | null;
  translation?: { title?: string | null; summary?: string | null } | null;
}

export type MatchReason =
  /** The shared technology, as the demand writes it, with an English gloss where the dictionary has one. */
  | { kind: 'terms'; terms: string[]; english?: (string | null)[]; weight: number }
  | { kind: 'sectors'; sectors: string[]; relation?: SectorRelation; weight: number }
  | { kind: 'trl'; offerTrl: number; trlMin: number | null; fit: 'meets' | 'close' | 'below'; weight: number }
  | {
      kind: 'location';
      relation: 'same_province' | 'same_region' | 'other';
      offerProvince: string;
      demandProvince: string;
      weight: number;
    }
  | {
      kind: 'budget';
      fit: 'within' | 'close' | 'over' | 'unknown';
      priceMin: number | null;
      budgetMax: number | null;
      weight: number;
    }
  | { kind: 'transferModes'; modes: string[]; weight: number }
  /** What the organisations' earlier feedback changed for this pair (see feedback.ts). */
  | { kind: 'feedback'; adjustments: MatchAdjustment[]; weight: number };

export interface MatchScore {
  score: number;
  reasons: MatchReason[];
  /**
   * Whether the pair can be a match at all: a specific shared term (a
   * concept or a compound, never a lone syllable) and compatible sectors.
   * An ineligible pair scores below the threshold.
   */
  eligible: boolean;
}

/** Weights of each component; they sum to 100. */
export const MATCH_WEIGHTS = { terms: 50, sectors: 22, trl: 10, location: 6, budget: 6, transferModes: 6 } as const;
/** Below this score there is no match. */
export const MATCH_THRESHOLD = 55;
/** At or above this score a match is strong: pushed live and notified at once; below it, listed and left to digests. */
export const MATCH_STRONG = 70;
/** Shared term weight at which the terms count in full (a specific concept in both titles comes close). */
const FULL_TERMS = 6;

const offerParts = (offer: OfferForMatch): TextPart[] => [
  { text: offer.title, emphasis: 1.5 },
  { text: offer.translation?.title ?? '', emphasis: 1.5 },
  ...offer.keywords.map((k) => ({ text: k, emphasis: 1.5, keyword: true })),
  { text: offer.summary },
  { text: offer.translation?.summary ?? '' },
  ...(offer.applications ?? []).map((a) => ({ text: a })),
];
const demandParts = (demand: DemandForMatch): TextPart[] => [
  { text: demand.title, emphasis: 1.5 },
  { text: demand.translation?.title ?? '', emphasis: 1.5 },
  ...demand.keywords.map((k) => ({ text: k, emphasis: 1.5, keyword: true })),
  { text: demand.problem },
  { text: demand.requirements ?? '' },
  { text: demand.translation?.summary ?? '' },
];

/**
 * A listing's emphasized specific terms (title, keywords), in its terms' order, by its terms: a pass scores one
 * listing against many, and each candidate's terms are scored again pass after pass (they are read-only).
 */
const emphasizedOf = new WeakMap<ReadonlyMap<string, Term>, Term[]>();

/** The share of a listing's emphasized specific terms (title, keywords) found in `shared`, by weight; null if it has none. */
function coverage(terms: ReadonlyMap<string, Term>, shared: Set<string>): number | null {
  let emphasized = emphasizedOf.get(terms);
  if (!emphasized) {
    emphasized = [...terms.values()].filter((t) => t.emphasized && t.specific);
    emphasizedOf.set(terms, emphasized);
  }
  let all = 0;
  let found = 0;
  for (const t of emphasized) {
    all += t.weight;
    if (shared.has(t.key)) found += t.weight;
  }
  return all ? found / all : null;
}

/** The terms the matcher reads in an offer or a demand (also what candidate search looks for). */
export const offerTerms = (offer: OfferForMatch) => termsOf(offerParts(offer));
export const demandTerms = (demand: DemandForMatch) => termsOf(demandParts(demand));

/**
 * A transparent score from 0 to 100 with the reasons behind it. Each
 * component yields a fraction in [0, 1] times its weight; the reasons carry
 * the facts (shared technology and sectors, TRL fit, distance, budget) for
 * the UI. The terms component weighs what the demand shares with the offer
 * (see terms.ts); `tuning` applies the two organisations' feedback rules.
 */
export function scoreMatch(
  offer: OfferForMatch,
  demand: DemandForMatch,
  tuning: MatchTuning = noTuning,
  /** Either side's terms when already known (a matching pass scores one listing against many). */
  known: { offer?: ReadonlyMap<string, Term>; demand?: ReadonlyMap<string, Term> } = {},
): MatchScore {
  const adjust = new Set(tuning.adjustments);
  const applied = new Set<MatchAdjustment>();
  const ofOffer = known.offer ?? offerTerms(offer);
  const ofDemand = known.demand ?? demandTerms(demand);
  // In the demand's order (sharedPhrases reads them so).
  const shared = new Set<string>();
  let strength = 0;
  let specific = 0;
  for (const [key, t] of ofDemand) {
    const other = ofOffer.get(key);
    if (!other) continue;
    shared.add(key);
    strength += Math.min(t.weight, other.weight * 1.5);
    if (t.specific) specific += 1;
  }
  const neededSpecific = adjust.has('wrong_technology') ? 2 : 1;
  if (adjust.has('wrong_technology') && specific === 1) applied.add('wrong_technology');
  const amount = Math.min(1, strength / (adjust.has('wrong_technology') ? FULL_TERMS * 1.5 : FULL_TERMS));
  // How much of what each side says it is about (titles, keywords) the other shares: the demand's need counts twice.
  const demandCover = coverage(ofDemand, shared);
  const offerCover = coverage(ofOffer, shared);
  const cover =
    demandCover === null ? offerCover : offerCover === null ? demandCover : (2 * demandCover + offerCover) / 3;
  const termsFit = cover === null ? amount : 0.2 * amount + 0.8 * cover;

  const relation = sectorRelation(offer.sectors, demand.sectors);
  const sharedSectors = demand.sectors.filter((s) => offer.sectors.includes(s));
  const sectorFit =
    relation === 'shared'
      ? Math.min(1, sharedSectors.length / Math.min(demand.sectors.length, 2))
      : relation === 'related'
        ? 0.4
        : 0;
  const sectorsCompatible = relation === 'shared' || (relation === 'related' && !adjust.has('wrong_sector'));
  if (relation === 'related' && adjust.has('wrong_sector')) applied.add('wrong_sector');

  const trlMin = demand.trlMin ?? null;
  const wanted = adjust.has('trl_too_low') ? (trlMin ?? 4) + 1 : trlMin;
  const gap = wanted === null ? 0 : wanted - offer.trl;
  const plainGap = trlMin === null ? 0 : trlMin - offer.trl;
  if (gap > 0 && gap > plainGap) applied.add('trl_too_low');
  const trlFitLabel = gap <= 0 ? 'meets' : gap === 1 ? 'close' : 'below';
  const trlFit = gap <= 0 ? 1 : gap === 1 ? 0.5 : gap === 2 ? 0.15 : 0;

  const op = getProvince(offer.province);
  const dp = getProvince(demand.province);
  const place =
    offer.province === demand.province
      ? 'same_province'
      : op && dp && op.region === dp.region
        ? 'same_region'
        : 'other';
  const locationFit = place === 'same_province' ? 1 : place === 'same_region' ? 0.6 : 0.3;
  let penalty = 0;
  if (place === 'other' && adjust.has('location')) {
    penalty += 8;
    applied.add('location');
  }

  const priceMin = offer.price?.min ?? null;
  const budgetMax = demand.budget?.max ?? null;
  let budgetFit: 'within' | 'close' | 'over' | 'unknown' = 'unknown';
  if (priceMin !== null && budgetMax !== null)
    budgetFit = priceMin <= budgetMax ? 'within' : priceMin <= budgetMax * 1.5 ? 'close' : 'over';
  let budgetValue = {
    within: 1,
    close: 0.5,
    over: budgetFit === 'over' && offer.price?.negotiable ? 0.25 : 0,
    unknown: 0.6,
  }[budgetFit];
  if (adjust.has('price') && (budgetFit === 'over' || budgetFit === 'close')) {
    budgetValue = 0;
    if (budgetFit === 'over') penalty += 10;
    applied.add('price');
  }

  const sharedModes = demand.transferModes.filter((m) => offer.transferModes.includes(m));
  const modesFit = sharedModes.length ? 1 : 0;

  const w = MATCH_WEIGHTS;
  const parts = {
    terms: termsFit * w.terms,
    sectors: sectorFit * w.sectors,
    trl: trlFit * w.trl,
    location: locationFit * w.location,
    budget: budgetValue * w.budget,
    transferModes: modesFit * w.transferModes,
  };
  const round = (n: number) => Math.round(n * 10) / 10;
  const phrases = sharedPhrases(ofDemand, shared);
  const reasons: MatchReason[] = [
    {
      kind: 'terms',
      terms: phrases.map((p) => p.phrase),
      english: phrases.map((p) => p.english),
      weight: round(parts.terms),
    },
    { kind: 'sectors', sectors: sharedSectors, relation, weight: round(parts.sectors) },
    { kind: 'trl', offerTrl: offer.trl, trlMin, fit: trlFitLabel, weight: round(parts.trl) },
    {
      kind: 'location',
      relation: place,
      offerProvince: offer.province,
      demandProvince: demand.province,
      weight: round(parts.location),
    },
    { kind: 'budget', fit: budgetFit, priceMin, budgetMax, weight: round(parts.budget) },
    { kind: 'transferModes', modes: sharedModes, weight: round(parts.transferModes) },
  ];
  if (applied.size)
    reasons.push({
      kind: 'feedback',
      adjustments: tuning.adjustments.filter((a) => applied.has(a)),
      weight: -penalty,
    });
  const eligible = specific >= neededSpecific && sectorsCompatible;
  const raw = Math.max(0, Math.round(Object.values(parts).reduce((a, b) => a + b, 0) - penalty));
  return { score: eligible ? raw : Math.min(raw, MATCH_THRESHOLD - 1), reasons, eligible };
}
