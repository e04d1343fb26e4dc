import { getProvince } from '../taxonomies';
import { displayTerm, termsOf } from './terms';

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
}

export type MatchReason =
  | { kind: 'terms'; terms: string[]; weight: number }
  | { kind: 'sectors'; sectors: string[]; weight: number }
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
  | { kind: 'transferModes'; modes: string[]; weight: number };

export interface MatchScore {
  score: number;
  reasons: MatchReason[];
}

/** Weights of each component; they sum to 100. */
export const MATCH_WEIGHTS = { terms: 50, sectors: 22, trl: 10, location: 6, budget: 6, transferModes: 6 } as const;
/** Below this score there is no match. */
export const MATCH_THRESHOLD = 55;
/** At or above this score a match is strong: pushed live and notified at once; below it, listed and left to digests. */
export const MATCH_STRONG = 70;

/**
 * A transparent score from 0 to 100 with the reasons behind it. Each
 * component yields a fraction in [0, 1] times its weight; the reasons carry
 * the facts (shared terms and sectors, TRL fit, distance, budget) for the UI.
 */
export function scoreMatch(offer: OfferForMatch, demand: DemandForMatch): MatchScore {
  const offerTerms = termsOf([
    offer.title,
    offer.title,
    offer.summary,
    ...offer.keywords,
    ...(offer.applications ?? []),
  ]);
  const demandTerms = termsOf([demand.title, demand.problem, demand.requirements ?? '', ...demand.keywords]);
  const shared = [...demandTerms].filter((t) => offerTerms.has(t));
  // Two-syllable words and synonym concepts carry the meaning; a lone
  // syllable ("nước", "máy") says little in Vietnamese.
  const strength = shared.reduce((sum, t) => sum + (t.startsWith('concept:') ? 2.5 : t.includes(' ') ? 1 : 0.15), 0);
  const termsFit = Math.min(1, strength / 8);

  const sharedSectors = demand.sectors.filter((s) => offer.sectors.includes(s));
  const sectorFit = demand.sectors.length ? sharedSectors.length / Math.min(demand.sectors.length, 2) : 0;

  const trlMin = demand.trlMin ?? null;
  const gap = trlMin === null ? 0 : trlMin - offer.trl;
  const trlFitLabel = gap <= 0 ? 'meets' : gap === 1 ? 'close' : 'below';
  const trlFit = gap <= 0 ? 1 : gap === 1 ? 0.5 : gap === 2 ? 0.15 : 0;

  const op = getProvince(offer.province);
  const dp = getProvince(demand.province);
  const relation =
    offer.province === demand.province
      ? 'same_province'
      : op && dp && op.region === dp.region
        ? 'same_region'
        : 'other';
  const locationFit = relation === 'same_province' ? 1 : relation === 'same_region' ? 0.6 : 0.3;

  const priceMin = offer.price?.min ?? null;
  const budgetMax = demand.budget?.max ?? null;
  let budgetFit: 'within' | 'close' | 'over' | 'unknown' = 'unknown';
  if (priceMin !== null && budgetMax !== null)
    budgetFit = priceMin <= budgetMax ? 'within' : priceMin <= budgetMax * 1.5 ? 'close' : 'over';
  const budgetValue = { within: 1, close: 0.5, over: 0, unknown: 0.6 }[budgetFit];
  const budgetAdjusted = budgetFit === 'over' && offer.price?.negotiable ? 0.25 : budgetValue;

  const sharedModes = demand.transferModes.filter((m) => offer.transferModes.includes(m));
  const modesFit = sharedModes.length ? 1 : 0;

  const w = MATCH_WEIGHTS;
  const parts = {
    terms: termsFit * w.terms,
    sectors: Math.min(1, sectorFit) * w.sectors,
    trl: trlFit * w.trl,
    location: locationFit * w.location,
    budget: budgetAdjusted * w.budget,
    transferModes: modesFit * w.transferModes,
  };
  const round = (n: number) => Math.round(n * 10) / 10;
  const reasons: MatchReason[] = [
    {
      kind: 'terms',
      terms: shared
        .sort((a, b) => b.length - a.length)
        .filter((t, i, all) => !all.slice(0, i).some((longer) => longer.includes(t)))
        .filter((t) => t.includes(' ') || t.startsWith('concept:'))
        .slice(0, 8)
        .map(displayTerm),
      weight: round(parts.terms),
    },
    { kind: 'sectors', sectors: sharedSectors, weight: round(parts.sectors) },
    { kind: 'trl', offerTrl: offer.trl, trlMin, fit: trlFitLabel, weight: round(parts.trl) },
    {
      kind: 'location',
      relation,
      offerProvince: offer.province,
      demandProvince: demand.province,
      weight: round(parts.location),
    },
    { kind: 'budget', fit: budgetFit, priceMin, budgetMax, weight: round(parts.budget) },
    { kind: 'transferModes', modes: sharedModes, weight: round(parts.transferModes) },
  ];
  const score = Math.round(Object.values(parts).reduce((a, b) => a + b, 0));
  return { score, reasons };
}
