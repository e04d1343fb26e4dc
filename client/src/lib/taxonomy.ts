import { getProvince, type LabelledCode, type Lang, provinces, trlLevels } from '@techbridge/shared';
import type { SelectOption } from '../components/ui/Select';

const collator = new Intl.Collator('vi');

/** The 34 provinces, alphabetical in Vietnamese; names are Vietnamese in both UI languages. */
export const provinceOptions: readonly SelectOption[] = [...provinces]
  .sort((a, b) => collator.compare(a.name, b.name))
  .map((province) => ({ value: province.code, label: province.name }));

/** A province's current name, or the code itself if unknown. */
export function provinceName(code: string): string {
  return getProvince(code)?.name ?? code;
}

/** Options for a labelled taxonomy in the UI language, in catalogue order. */
export function codeOptions(list: readonly LabelledCode[], lang: Lang): SelectOption[] {
  return list.map((entry) => ({ value: entry.code, label: entry[lang] }));
}

/** The explanation of a TRL level ("Validation in the laboratory"), or '' if unknown. */
export function trlDescription(level: number, lang: Lang): string {
  return trlLevels.find((entry) => entry.level === level)?.[lang] ?? '';
}

export function isCode(list: readonly LabelledCode[], value: string | null | undefined): value is string {
  return !!value && list.some((entry) => entry.code === value);
}
