import { type Lang, organizationTypes, provinces } from '@techbridge/shared';
import type { SelectOption } from '../../components/ui';

export function organizationTypeOptions(lang: Lang): SelectOption[] {
  return organizationTypes.map((type) => ({ value: type.code, label: type[lang] }));
}

const collator = new Intl.Collator('vi');

/** The 34 provinces, alphabetical in Vietnamese; names are Vietnamese in both UI languages. */
export const provinceOptions: readonly SelectOption[] = [...provinces]
  .sort((a, b) => collator.compare(a.name, b.name))
  .map((province) => ({ value: province.code, label: province.name }));

export function isOrganizationType(value: string | null): value is string {
  return value !== null && organizationTypes.some((type) => type.code === value);
}
