/**
 * Which sectors can meet in a match. Two listings are compatible when they
 * share a sector, when their sectors are neighbours below (a dryer from
 * mechanical engineering for a food-processing demand), or when one side is
 * in an enabling sector that serves every field (software, AI and data,
 * automation, electronics, quality): an irrigation app is for crops. The
 * shared concepts then decide: a cross-field pair still needs a specific
 * technology in common.
 */
const ENABLING = new Set(['software', 'ai_data', 'automation', 'electronics', 'quality']);

const NEIGHBOURS: [string, string[]][] = [
  [
    'crops',
    ['food_processing', 'biotech', 'water', 'medicinal_plants', 'forestry', 'mechanical', 'environment', 'chemicals'],
  ],
  ['livestock', ['food_processing', 'biotech', 'environment', 'health', 'energy']],
  ['aquaculture', ['food_processing', 'biotech', 'environment', 'water']],
  ['forestry', ['materials', 'environment', 'mechanical', 'energy']],
  ['medicinal_plants', ['health', 'biotech', 'food_processing', 'chemicals']],
  ['food_processing', ['mechanical', 'biotech', 'environment', 'energy', 'health', 'chemicals']],
  ['biotech', ['health', 'environment', 'chemicals', 'energy']],
  ['environment', ['water', 'energy', 'chemicals', 'materials', 'transport']],
  ['water', ['energy', 'mechanical']],
  ['energy', ['mechanical', 'transport', 'materials', 'metallurgy']],
  ['mechanical', ['metallurgy', 'materials', 'transport', 'textiles']],
  ['materials', ['metallurgy', 'chemicals', 'textiles']],
  ['chemicals', ['health', 'textiles', 'metallurgy']],
  ['health', []],
  ['transport', ['tourism']],
];

const related = new Map<string, Set<string>>();
for (const [a, list] of NEIGHBOURS)
  for (const b of list) {
    related.set(a, (related.get(a) ?? new Set()).add(b));
    related.set(b, (related.get(b) ?? new Set()).add(a));
  }

export type SectorRelation = 'shared' | 'related' | 'none';

/** How the sectors of an offer and a demand relate. */
export function sectorRelation(offerSectors: string[], demandSectors: string[]): SectorRelation {
  if (offerSectors.some((s) => demandSectors.includes(s))) return 'shared';
  const near = (a: string, b: string) => ENABLING.has(a) || ENABLING.has(b) || !!related.get(a)?.has(b);
  return offerSectors.some((o) => demandSectors.some((d) => near(o, d))) ? 'related' : 'none';
}
