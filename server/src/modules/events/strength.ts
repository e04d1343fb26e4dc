import { type DemandForMatch, type MatchReason, type OfferForMatch, scoreMatch } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { mapLimit } from '../../platform/lib/mapLimit';
import type { AnyListing, Demand, Offer } from '../listings/model';
import { matchStore } from '../matching/store';
import type { BoothListing, Participant } from './model';

/** An offer at one booth and a demand at another. */
export interface BoothPair {
  offer: BoothListing;
  demand: BoothListing;
  offerOrgId: string;
  demandOrgId: string;
}

export interface ScoredPair extends BoothPair {
  score: number;
  reasons: MatchReason[];
  /** The score is the matching engine's stored match (else computed here with the same function). */
  stored: boolean;
}

/** A listing at a booth: its public fields, and what scoreMatch reads of it (never confidential details). */
export function boothListing(type: 'offer' | 'demand', l: AnyListing): Record<string, unknown> {
  const common = {
    type,
    id: l._id,
    title: l.title,
    sectors: l.sectors ?? [],
    province: l.province,
  };
  if (type === 'offer') {
    const o = l as Offer;
    const forMatch: OfferForMatch = {
      title: o.title,
      summary: o.summary,
      keywords: o.keywords ?? [],
      applications: o.applications ?? [],
      sectors: o.sectors ?? [],
      trl: o.trl,
      province: o.province,
      transferModes: o.transferModes ?? [],
      price: { min: o.price?.min ?? null, max: o.price?.max ?? null, negotiable: o.price?.negotiable ?? null },
    };
    return { ...common, summary: o.summary, trl: o.trl, forMatch };
  }
  const d = l as Demand;
  const forMatch: DemandForMatch = {
    title: d.title,
    problem: d.problem,
    requirements: d.requirements ?? null,
    keywords: d.keywords ?? [],
    sectors: d.sectors ?? [],
    trlMin: d.trlMin ?? null,
    province: d.province,
    transferModes: d.transferModes ?? [],
    budget: { max: d.budget?.max ?? null },
  };
  return { ...common, summary: d.problem, trl: d.trlMin ?? null, forMatch };
}

/** Every offer ↔ demand pair between two booths (either way round). */
export function boothPairs(a: Participant, b: Participant): BoothPair[] {
  const pairs: BoothPair[] = [];
  const orgA = String(a.organizationId);
  const orgB = String(b.organizationId);
  for (const x of a.listings) {
    for (const y of b.listings) {
      if (x.type === 'offer' && y.type === 'demand')
        pairs.push({ offer: x, demand: y, offerOrgId: orgA, demandOrgId: orgB });
      if (x.type === 'demand' && y.type === 'offer')
        pairs.push({ offer: y, demand: x, offerOrgId: orgB, demandOrgId: orgA });
    }
  }
  return pairs;
}

/**
 * Scores pairs with the matching engine: the stored match of a pair where
 * the matcher made one (read by its derived `_id`), else scoreMatch on the
 * booth's listings (the same transparent function, the same reasons).
 */
export async function scorePairs(ctx: AppContext, pairs: BoothPair[]): Promise<ScoredPair[]> {
  if (!pairs.length) return [];
  // The stored matches of the pairs, by their derived `_id`s (grouped by offer: the store's own lookup).
  const demandsOf = new Map<string, Set<string>>();
  for (const p of pairs) {
    const offer = String(p.offer.id);
    demandsOf.set(offer, (demandsOf.get(offer) ?? new Set()).add(String(p.demand.id)));
  }
  const matches = matchStore(ctx.db);
  const found = await mapLimit([...demandsOf], 8, ([offer, demands]) =>
    matches.forPairs('offer', offer, [...demands], 4),
  );
  const stored = new Map(found.flat().map((m) => [`${m.offerId}:${m.demandId}`, m] as const));
  return pairs.map((pair) => {
    const match = stored.get(`${pair.offer.id}:${pair.demand.id}`);
    if (match) return { ...pair, score: match.score, reasons: match.reasons as MatchReason[], stored: true };
    const computed = scoreMatch(pair.offer.forMatch as OfferForMatch, pair.demand.forMatch as DemandForMatch);
    return { ...pair, ...computed, stored: false };
  });
}

/** The strongest of scored pairs (ties: the stored match). */
export function strongest(pairs: ScoredPair[]): ScoredPair | null {
  let best: ScoredPair | null = null;
  for (const p of pairs)
    if (!best || p.score > best.score || (p.score === best.score && p.stored && !best.stored)) best = p;
  return best;
}
