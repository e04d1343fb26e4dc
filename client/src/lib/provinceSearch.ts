import { foldVietnamese, getProvince, type Province, provinces } from '@techbridge/shared';

let alphabetical: readonly Province[] | null = null;
/** Sorted on first use: a Vietnamese collator is costly to create, and most pages never suggest a province. */
function sortedProvinces(): readonly Province[] {
  if (!alphabetical) {
    const collator = new Intl.Collator('vi');
    alphabetical = [...provinces].sort((a, b) => collator.compare(a.name, b.name));
  }
  return alphabetical;
}

/** One suggestion: a current province, and the pre-2025 name the text matched when it was not the current one. */
export interface ProvinceSuggestion {
  province: Province;
  legacy?: string;
}

/** Without marks, case or punctuation: "Bà Rịa - Vũng Tàu" and "ba ria vung tau" are the same. */
const fold = (text: string) =>
  foldVietnamese(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Provinces whose current or pre-2025 name contains the typed text (with or
 * without diacritics): names that start with it first, then alphabetical.
 * Empty text lists all 34.
 */
export function suggestProvinces(text: string): ProvinceSuggestion[] {
  const query = fold(text);
  if (!query) return sortedProvinces().map((province) => ({ province }));
  const starts: ProvinceSuggestion[] = [];
  const contains: ProvinceSuggestion[] = [];
  for (const province of sortedProvinces()) {
    const name = fold(province.name);
    if (name.includes(query)) {
      (name.startsWith(query) ? starts : contains).push({ province });
      continue;
    }
    const legacy = province.legacyNames.find((old) => fold(old).includes(query));
    if (legacy) (fold(legacy).startsWith(query) ? starts : contains).push({ province, legacy });
  }
  return [...starts, ...contains];
}

/** The province a whole typed name (current, legacy or code) means, and the legacy name if that was it. */
export function provinceFromText(text: string): ProvinceSuggestion | null {
  const query = fold(text);
  if (!query) return null;
  const byCode = getProvince(text.trim().toUpperCase());
  if (byCode) return { province: byCode };
  for (const province of sortedProvinces()) if (fold(province.name) === query) return { province };
  for (const province of sortedProvinces()) {
    const legacy = province.legacyNames.find((old) => fold(old) === query);
    if (legacy) return { province, legacy };
  }
  return null;
}

export function provinceLabel(code: string): string {
  return getProvince(code)?.name ?? '';
}
