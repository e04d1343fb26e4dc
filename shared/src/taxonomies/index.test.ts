import {
  ipStatuses,
  organizationTypeCodes,
  provinces,
  resolveCode,
  resolveProvince,
  sectorCodes,
  sectors,
  transferModes,
} from './index';

describe('taxonomies', () => {
  it('has the 34 provinces with the 63 legacy names as aliases', () => {
    expect(provinces).toHaveLength(34);
    expect(provinces.reduce((n, p) => n + p.legacyNames.length, 0)).toBe(63);
  });
  it('resolves a legacy province name, with or without diacritics, to the merged province', () => {
    const merged = provinces.find((p) => p.legacyNames.length > 1);
    expect(merged).toBeDefined();
    const legacy = merged!.legacyNames.find((n) => n !== merged!.name)!;
    expect(resolveProvince(legacy)?.code).toBe(merged!.code);
    const unaccented = legacy
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D');
    expect(resolveProvince(unaccented)?.code).toBe(merged!.code);
  });
  it('resolves a code', () => {
    expect(resolveProvince('hn')?.name).toBe('Hà Nội');
  });
  it('lists the five organisation types', () => {
    expect(organizationTypeCodes).toEqual(['enterprise', 'research_institute', 'university', 'intermediary', 'agency']);
    expect(sectorCodes.length).toBeGreaterThan(10);
  });
  it('resolves a sector, transfer mode or IP status from its code or either label', () => {
    for (const list of [sectors, transferModes, ipStatuses]) {
      for (const entry of list) {
        expect(resolveCode(list, entry.code)).toBe(entry.code);
        expect(resolveCode(list, entry.vi)).toBe(entry.code);
        expect(resolveCode(list, ` ${entry.en.toUpperCase()} `)).toBe(entry.code);
      }
    }
    expect(resolveCode(sectors, 'thuy san')).toBe('aquaculture');
    expect(resolveCode(sectors, 'astrology')).toBeUndefined();
  });
});
