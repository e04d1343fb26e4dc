import {
  type DemandForMatch,
  decodeTerms,
  demandProfile,
  type OfferForMatch,
  offerProfile,
  scoreMatch,
} from '@techbridge/shared';
import { worldDemands, worldOffers } from '../../demo/world';

/**
 * A matching pass scores candidates from the profile their search document
 * carries (terms read once, at indexing). Scoring from a profile must give
 * exactly what scoring from the listing's text gives: the score and every
 * reason, explanations' phrases included.
 */
const offers = worldOffers.map((o) => o.input as unknown as OfferForMatch);
const demands = worldDemands.map((d) => d.input as unknown as DemandForMatch);

describe('match profiles', () => {
  it('score every demo offer–demand pair exactly as their texts do', () => {
    let pairs = 0;
    let matched = 0;
    const offerSide = offers.map((o) => decodeTerms(offerProfile(o, 0).t));
    for (const demand of demands.slice(0, 15)) {
      const demandSide = decodeTerms(demandProfile(demand, 0).t);
      offers.forEach((offer, i) => {
        const plain = scoreMatch(offer, demand);
        expect(scoreMatch(offer, demand, undefined, { offer: offerSide[i] })).toEqual(plain);
        expect(scoreMatch(offer, demand, undefined, { demand: demandSide })).toEqual(plain);
        pairs++;
        if (plain.eligible) matched++;
      });
    }
    // The comparison covered real matches, not only pairs that share nothing.
    expect(pairs).toBeGreaterThan(1000);
    expect(matched).toBeGreaterThan(20);
  });

  it('are decoded once while held, and scoring leaves the shared terms as they were', () => {
    const profile = offerProfile(offers[0], 0);
    const terms = decodeTerms(profile.t);
    expect(decodeTerms(profile.t)).toBe(terms);
    const before = JSON.stringify([...terms]);
    for (const demand of demands) scoreMatch(offers[0], demand, undefined, { offer: terms });
    expect(JSON.stringify([...terms])).toBe(before);
    // Another array of the same terms is decoded afresh, to the same terms.
    const copy = decodeTerms([...profile.t]);
    expect(copy).not.toBe(terms);
    expect(JSON.stringify([...copy])).toBe(before);
  });

  it('keep the price, the budget and the time they were read at', () => {
    const offer = offers.find((o) => o.price?.min != null) as OfferForMatch;
    expect(offerProfile(offer, 42)).toMatchObject({ p: offer.price?.min, u: 42, b: null });
    const demand = demands.find((d) => d.budget?.max != null) as DemandForMatch;
    expect(demandProfile(demand, 7)).toMatchObject({ b: demand.budget?.max, p: null, u: 7 });
  });
});
