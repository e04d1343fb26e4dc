import dictionaryData from '../taxonomies/dictionary.json';
import synonymsData from '../taxonomies/synonyms.json';
import { allConcepts, findConcepts, textWords } from './concepts';

const mentions = (text: string) => findConcepts(textWords(text)).map((m) => m.concept.name);

describe('concepts: every phrase of every group finds its group (a test per entry)', () => {
  const groups = [...synonymsData.groups, ...dictionaryData.groups];
  it.each(groups.map((g, i) => [i, g] as const))('group %i: %j', (_i, group) => {
    for (const phrase of group) {
      const found = findConcepts(textWords(`Đề xuất về ${phrase} cho năm sau`));
      // The phrase itself, or a longer phrase of the same meaning that contains it.
      expect(found.map((m) => m.concept.phrases)).toContainEqual(group);
    }
  });
});

describe('findConcepts', () => {
  it('tells words apart by their marks, and finds them typed without any', () => {
    expect(mentions('Dây chuyền chè xanh')).toContain('chè xanh');
    expect(mentions('Dây chuyền chế biến thủy sản')).not.toContain('chè');
    expect(mentions('day chuyen che xanh')).toContain('chè xanh');
  });
  it('takes the longest phrase and no overlapping shorter one', () => {
    expect(mentions('vải thiều Bắc Giang')).toEqual(['vải thiều']);
    expect(mentions('công nghệ sấy')).toEqual(['công nghệ', 'sấy']);
  });
  it('keeps compounds apart: fly ash is not a drone', () => {
    expect(mentions('gạch không nung từ tro bay')).toEqual(['gạch không nung', 'tro bay']);
    expect(mentions('máy bay không người lái phun thuốc')).toEqual(['máy bay không người lái']);
  });
  it('finds abbreviations and English phrases of a concept', () => {
    expect(mentions('UAV phun thuốc')[0]).toBe('máy bay không người lái');
    expect(mentions('tea processing line')[0]).toBe('chế biến chè');
  });
  it('names each concept in English where the dictionary has a gloss', () => {
    const tea = allConcepts().find((c) => c.name === 'chế biến chè');
    expect(tea?.english).toBe('tea processing');
  });
});
