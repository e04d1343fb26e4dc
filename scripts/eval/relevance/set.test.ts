import { loadRelevanceSet, queryCategories } from './set';

/** The set's composition, as issue 14 asks for it; loading validates every listing and label. */
describe('the labelled relevance set', () => {
  const set = loadRelevanceSet();
  const listings = [...set.offers, ...set.demands];

  it('has at least 80 offers, 40 demands and 60 queries, in every category', () => {
    expect(set.offers.length).toBeGreaterThanOrEqual(80);
    expect(set.demands.length).toBeGreaterThanOrEqual(40);
    expect(set.queries.length).toBeGreaterThanOrEqual(60);
    for (const category of queryCategories)
      expect(set.queries.filter((q) => q.category === category).length).toBeGreaterThanOrEqual(8);
  });

  it('has English listings from foreign partners and Vietnamese listings with an English translation', () => {
    const english = listings.filter((l) => l.input.lang === 'en');
    expect(english.length).toBeGreaterThanOrEqual(12);
    const foreign = new Set(set.organizations.filter((o) => o.foreign).map((o) => o.key));
    for (const l of listings) expect(`${l.key}: ${foreign.has(l.org)}`).toBe(`${l.key}: ${l.input.lang === 'en'}`);
    expect(listings.filter((l) => l.input.lang === 'vi' && l.input.translation.title).length).toBeGreaterThanOrEqual(8);
  });

  it('keeps every listing within its organisation’s sectors and labels every demand', () => {
    const sectorsOf = new Map(set.organizations.map((o) => [o.key, o.sectors]));
    for (const l of listings) expect(l.input.sectors.filter((s) => !sectorsOf.get(l.org)?.includes(s))).toEqual([]);
    expect(set.pairs.map((p) => p.demand).sort()).toEqual(set.demands.map((d) => d.key).sort());
  });
});
