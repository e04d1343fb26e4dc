import dictionaryData from '../taxonomies/dictionary.json';
import synonymsData from '../taxonomies/synonyms.json';
import { allConcepts, findConcepts, roleOf, textWords } from './concepts';
import { markedWord } from './normalize';

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
  it('reads a bare word in a text written with marks as bare: "tra" of "kiểm tra" is not tea', () => {
    expect(mentions('Hệ thống kiểm tra chất lượng sản phẩm')).not.toContain('chè');
    expect(mentions('tra cứu thông tin nông sản')).not.toContain('chè');
    expect(mentions('Công nghệ chế biến trà xanh')).toContain('chè xanh');
    // Typed without any marks, "kiem tra" is still the compound, not tea.
    expect(mentions('he thong kiem tra chat luong')).not.toContain('chè');
  });
  it('takes the longest phrase and no overlapping shorter one', () => {
    expect(mentions('vải thiều Bắc Giang')).toEqual(['vải thiều', 'Bắc Ninh']);
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

describe('concept kinds and word roles', () => {
  it('names only concepts that exist as broad', () => {
    const names = new Set(allConcepts().map((c) => c.name));
    for (const name of [...synonymsData.broad, ...dictionaryData.broad]) expect(names).toContain(name);
  });
  it('reads provinces, current and pre-2025 names, as places', () => {
    const [place] = findConcepts(textWords('chè Thái Nguyên')).filter((m) => m.concept.kind === 'place');
    expect(place.surface).toBe('Thái Nguyên');
    expect(findConcepts(textWords('huyện cũ của Bắc Kạn'))[0].concept.name).toBe('Thái Nguyên');
  });
  it('tells broad fields from specific technologies', () => {
    const kind = (text: string) => findConcepts(textWords(text))[0].concept.kind;
    expect(kind('nông nghiệp')).toBe('broad');
    expect(kind('AI')).toBe('broad');
    expect(kind('máy sấy')).toBe('specific');
  });
  it('knows function words and generic words by their marks', () => {
    expect(roleOf(markedWord('của'))).toBe('function');
    expect(roleOf(['hệ', 'thống'].map(markedWord).join(' '))).toBe('generic');
    expect(roleOf(markedWord('sấy'))).toBe('content');
    // "cửa" (door) is not "của" (of).
    expect(roleOf(markedWord('cửa'))).toBe('content');
  });
  it('lists no phrase twice across the data files', () => {
    const seen = new Map<string, number>();
    [...synonymsData.groups, ...dictionaryData.groups].forEach((group, i) => {
      for (const phrase of group) {
        const key = textWords(phrase)
          .map((w) => w.marked)
          .join(' ');
        expect([key, seen.get(key) ?? i]).toEqual([key, i]);
        seen.set(key, i);
      }
    });
  });
});
