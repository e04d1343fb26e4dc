import { type Lang, organizationTypes } from '@techbridge/shared';
import type { SelectOption } from '../../components/ui';

export { provinceOptions } from '../../lib/taxonomy';

export function organizationTypeOptions(lang: Lang): SelectOption[] {
  return organizationTypes.map((type) => ({ value: type.code, label: type[lang] }));
}

export function isOrganizationType(value: string | null): value is string {
  return value !== null && organizationTypes.some((type) => type.code === value);
}
