import {
  ipStatuses,
  type ListingLang,
  listingLangs,
  organizationTypes,
  provinces,
  sectors,
  transferModes,
  trlLevels,
} from '@techbridge/shared';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ChoiceGroup, ProvincePicker, Select } from '../../components/ui';
import { trlDescription } from '../../lib/taxonomy';
import { useFocusTrap } from '../../lib/useFocusTrap';
import { useLang } from '../../lib/useLang';
import { FacetList } from './FacetList';
import type { SearchState } from './searchState';
import type { FacetCounts } from './useSearchResults';

export interface SearchFiltersProps {
  state: SearchState;
  facets: FacetCounts | undefined;
  onChange: (patch: Partial<SearchState>) => void;
  onClear: () => void;
  activeCount: number;
  /** On phones the panel is a full-screen modal sheet opened by a toggle; these drive it. */
  open: boolean;
  onClose: () => void;
  total: number | undefined;
}

/** Results at TRL ≥ level, from the per-level counts. */
function trlAtLeast(counts: Record<string, number> | undefined, level: number): number | undefined {
  if (!counts) return undefined;
  return Object.entries(counts).reduce((sum, [lvl, n]) => (Number(lvl) >= level ? sum + n : sum), 0);
}

export function SearchFilters({
  state,
  facets,
  onChange,
  onClear,
  activeCount,
  open,
  onClose,
  total,
}: SearchFiltersProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const withCount = (label: string, n: number | undefined) => (n ? `${label} (${n})` : label);
  const sheet = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Open (only on a phone, where the toggle shows), the panel is a modal sheet over the results:
  // focus moves to its heading, stays in it until it closes, then goes back to the toggle that opened it.
  useFocusTrap(sheet, open, heading, () => document.querySelector<HTMLElement>('[aria-controls="search-filters"]'));

  return (
    <section
      ref={sheet}
      className="search-filters"
      id="search-filters"
      aria-labelledby="search-filters-title"
      data-open={open}
      // A sidebar on a desktop; a modal dialog only while open on a phone.
      {...(open ? { role: 'dialog', 'aria-modal': true } : {})}
      // Escape closes the sheet like its button.
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="search-filters__head">
        <h2 className="search-filters__title" id="search-filters-title" ref={heading} tabIndex={-1}>
          {t('search.filters.title')}
        </h2>
        {activeCount > 0 && (
          <Button variant="ghost" size="sm" onClick={onClear}>
            {t('search.filters.clearAll')}
          </Button>
        )}
      </div>

      <div className="facet">
        <ChoiceGroup
          compact
          name="filter-lang"
          legend={t('search.filters.lang')}
          type="radio"
          options={[
            { value: '', label: t('search.filters.anyLang') },
            ...listingLangs.map((value) => ({ value, label: t(`listing.langs.${value}`) })),
          ]}
          value={[state.lang ?? '']}
          onChange={([value]) => onChange({ lang: (value || null) as ListingLang | null })}
        />
      </div>

      <FacetList
        name="sector"
        legend={t('search.filters.sector')}
        list={sectors}
        counts={facets?.sector}
        selected={state.sector}
        onChange={(sector) => onChange({ sector })}
        collapsedLimit={8}
      />

      <div className="facet">
        <label className="field__label facet__label" htmlFor="filter-province">
          {t('search.filters.province')}
        </label>
        <ProvincePicker
          id="filter-province"
          value={state.province ?? ''}
          onChange={(code) => onChange({ province: code || null })}
          emptyLabel={t('search.filters.anyProvince', { count: provinces.length })}
          counts={facets?.province}
        />
      </div>

      <div className="facet">
        <label className="field__label facet__label" htmlFor="filter-trl">
          {t('search.filters.trl')}
        </label>
        <Select
          id="filter-trl"
          aria-describedby={state.trlMin ? 'filter-trl-hint' : undefined}
          value={state.trlMin ? String(state.trlMin) : ''}
          onChange={(e) => onChange({ trlMin: e.target.value ? Number(e.target.value) : null })}
          options={[
            { value: '', label: t('search.filters.anyTrl') },
            ...trlLevels.map(({ level }) => ({
              value: String(level),
              label: withCount(t('search.filters.trlOption', { level }), trlAtLeast(facets?.trl, level)),
            })),
          ]}
        />
        {state.trlMin && (
          <p className="field__hint" id="filter-trl-hint">
            {trlDescription(state.trlMin, lang)}
          </p>
        )}
      </div>

      <FacetList
        name="ipStatus"
        legend={t('search.filters.ipStatus')}
        list={ipStatuses}
        counts={facets?.ipStatus}
        selected={state.ipStatus}
        onChange={(ipStatus) => onChange({ ipStatus })}
      />
      <FacetList
        name="transferMode"
        legend={t('search.filters.transferMode')}
        list={transferModes}
        counts={facets?.transferMode}
        selected={state.transferMode}
        onChange={(transferMode) => onChange({ transferMode })}
        collapsedLimit={8}
      />
      <FacetList
        name="orgType"
        type="radio"
        legend={t('search.filters.orgType')}
        list={organizationTypes}
        counts={facets?.orgType}
        selected={state.orgType ? [state.orgType] : []}
        onChange={([orgType]) => onChange({ orgType: orgType ?? null })}
        anyLabel={t('search.filters.anyOrgType')}
      />

      <Button className="search-filters__done" block onClick={onClose}>
        {total === undefined ? t('search.filters.close') : t('search.filters.showResults', { count: total })}
      </Button>
    </section>
  );
}
