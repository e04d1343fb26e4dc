import type { LabelledCode } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup } from '../../components/ui';
import { useLang } from '../../lib/useLang';

export interface FacetListProps {
  name: string;
  legend: string;
  list: readonly LabelledCode[];
  counts: Record<string, number> | undefined;
  selected: readonly string[];
  onChange: (next: string[]) => void;
  type?: 'checkbox' | 'radio';
  /** Show at most this many (those with results first) until the user asks for all. */
  collapsedLimit?: number;
  /** For radios: a first "any" option with this label. */
  anyLabel?: string;
}

/** Long catalogue labels get their parenthesised detail cut in the narrow filter column. */
const short = (label: string) => label.split(' (')[0];

/** One facet as checkboxes or radios with result counts, optionally collapsed to the most relevant values. */
export function FacetList({
  name,
  legend,
  list,
  counts,
  selected,
  onChange,
  type = 'checkbox',
  collapsedLimit,
  anyLabel,
}: FacetListProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [expanded, setExpanded] = useState(false);
  const countOf = (code: string) => counts?.[code] ?? 0;

  let entries = [...list];
  const collapsible = collapsedLimit !== undefined && list.length > collapsedLimit;
  if (collapsible && !expanded) {
    entries = entries
      .filter((e) => selected.includes(e.code) || countOf(e.code) > 0)
      .sort(
        (a, b) =>
          Number(selected.includes(b.code)) - Number(selected.includes(a.code)) || countOf(b.code) - countOf(a.code),
      )
      .slice(0, collapsedLimit);
  }

  const options = entries.map((e) => ({
    value: e.code,
    label: short(e[lang]),
    count: counts ? countOf(e.code) : undefined,
  }));
  if (anyLabel) options.unshift({ value: '', label: anyLabel, count: undefined });
  const value = anyLabel && selected.length === 0 ? [''] : selected;

  return (
    <div className="facet">
      <ChoiceGroup
        compact
        name={`filter-${name}`}
        legend={legend}
        type={type}
        options={options}
        value={value}
        onChange={(next) => onChange(next.filter(Boolean))}
      />
      {collapsible && (
        <button type="button" className="facet__more" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? t('search.filters.showFewer') : t('search.filters.showAll', { count: list.length })}
        </button>
      )}
    </div>
  );
}
