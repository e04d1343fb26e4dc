import { ipStatuses, labelOf, organizationTypes, sectors, transferModes } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import type { SearchState } from './searchState';

interface Chip {
  key: string;
  group: string;
  label: string;
  remove: Partial<SearchState>;
}

export interface ActiveFiltersProps {
  state: SearchState;
  onChange: (patch: Partial<SearchState>) => void;
  onClear: () => void;
}

/** The filters in force as removable chips, plus "clear all". */
export function ActiveFilters({ state, onChange, onClear }: ActiveFiltersProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const chips: Chip[] = [
    ...state.sector.map((code) => ({
      key: `sector-${code}`,
      group: t('search.filters.sector'),
      label: labelOf(sectors, code, lang),
      remove: { sector: state.sector.filter((c) => c !== code) },
    })),
    ...(state.province
      ? [
          {
            key: 'province',
            group: t('search.filters.province'),
            label: provinceName(state.province),
            remove: { province: null },
          },
        ]
      : []),
    ...(state.trlMin
      ? [
          {
            key: 'trl',
            group: t('search.filters.trl'),
            label: t('search.filters.trlOption', { level: state.trlMin }),
            remove: { trlMin: null },
          },
        ]
      : []),
    ...state.ipStatus.map((code) => ({
      key: `ip-${code}`,
      group: t('search.filters.ipStatus'),
      label: labelOf(ipStatuses, code, lang),
      remove: { ipStatus: state.ipStatus.filter((c) => c !== code) },
    })),
    ...state.transferMode.map((code) => ({
      key: `mode-${code}`,
      group: t('search.filters.transferMode'),
      label: labelOf(transferModes, code, lang),
      remove: { transferMode: state.transferMode.filter((c) => c !== code) },
    })),
    ...(state.orgType
      ? [
          {
            key: 'orgType',
            group: t('search.filters.orgType'),
            label: labelOf(organizationTypes, state.orgType, lang).split(' (')[0],
            remove: { orgType: null },
          },
        ]
      : []),
    ...(state.lang
      ? [
          {
            key: 'lang',
            group: t('search.filters.lang'),
            label: t(`listing.langs.${state.lang}`),
            remove: { lang: null },
          },
        ]
      : []),
  ];

  if (chips.length === 0) return null;

  return (
    <div className="active-filters">
      <h3 className="visually-hidden">{t('search.filters.active')}</h3>
      <ul className="active-filters__list">
        {chips.map((chip) => (
          <li key={chip.key}>
            <button
              type="button"
              className="filter-chip"
              aria-label={t('search.filters.removeChip', { group: chip.group, label: chip.label })}
              onClick={() => onChange(chip.remove)}
            >
              <span>{chip.label}</span>
              <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true">
                <path d="M6 6l8 8M14 6l-8 8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
            </button>
          </li>
        ))}
      </ul>
      <Button variant="ghost" size="sm" onClick={onClear}>
        {t('search.filters.clearAll')}
      </Button>
    </div>
  );
}
