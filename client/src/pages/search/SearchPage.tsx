import type { ListingType } from '@techbridge/shared';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { HitList } from '../../components/listings/HitList';
import { Button, Pagination, SegmentedControl, Select } from '../../components/ui';
import { useDebouncedCallback } from '../../lib/useDebouncedCallback';
import { usePageTitle } from '../../lib/usePageTitle';
import { ActiveFilters } from './ActiveFilters';
import { SaveSearchButton } from './SaveSearchButton';
import { SearchEmpty } from './SearchEmpty';
import { SearchFilters } from './SearchFilters';
import {
  clearFilters,
  filterCount,
  PAGE_SIZE,
  parseSearchState,
  type SearchSort,
  type SearchState,
  toUrlParams,
} from './searchState';
import { useSearchResults } from './useSearchResults';

const sorts: SearchSort[] = ['relevance', 'newest', 'trl_desc', 'trl_asc'];
type TypeTab = ListingType | 'all';

/** /search: instant faceted search; the whole query lives in the URL. */
export function SearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('search.title'));
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const state = useMemo(() => parseSearchState(params), [params]);
  const { results, facets } = useSearchResults(state);
  const [filtersOpen, setFiltersOpen] = useState(false);

  // The box follows the URL (back/forward, links) but not our own debounced writes.
  const [text, setText] = useState(state.q);
  const lastWritten = useRef(state.q);
  useEffect(() => {
    if (state.q === lastWritten.current) return;
    lastWritten.current = state.q;
    setText(state.q);
  }, [state.q]);

  function go(next: SearchState, typing = false) {
    // One history entry per burst of typing; every filter change is its own entry.
    const replace = typing && (location.state as { typing?: boolean } | null)?.typing === true;
    setParams(toUrlParams(next), { preventScrollReset: true, replace, state: typing ? { typing: true } : null });
  }

  function update(patch: Partial<SearchState>) {
    go({ ...state, ...patch, page: patch.page ?? 1 });
  }

  const writeQuery = useDebouncedCallback((q: string, typing: boolean) => {
    const trimmed = q.trim();
    if (trimmed === state.q) return;
    lastWritten.current = trimmed;
    go({ ...state, q: trimmed, page: 1 }, typing);
  }, 250);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    writeQuery.cancel();
    writeQuery.run(text, false);
    writeQuery.flush();
  }

  const clearAll = () => go(clearFilters(state));
  const data = results.data;
  const typeCounts = facets?.type ?? {};
  const totalPages = data ? Math.ceil(data.total / PAGE_SIZE) : 0;
  const activeCount = filterCount(state);
  const hrefFor = (page: number) => `?${toUrlParams({ ...state, page }).toString()}`;
  const tabs: { value: TypeTab; label: string; count?: number }[] = [
    {
      value: 'all',
      label: t('search.types.all'),
      count: facets ? (typeCounts.offer ?? 0) + (typeCounts.demand ?? 0) : undefined,
    },
    { value: 'offer', label: t('search.types.offer'), count: facets ? (typeCounts.offer ?? 0) : undefined },
    { value: 'demand', label: t('search.types.demand'), count: facets ? (typeCounts.demand ?? 0) : undefined },
  ];

  return (
    <div className="container page search-page">
      <header className="search-head">
        <h1 className="page-header__title">{t('search.title')}</h1>
        <p className="page-header__subtitle">{t('search.lead')}</p>
        <search className="search-form">
          <form onSubmit={onSubmit}>
            <label className="field__label" htmlFor="search-q">
              {t('search.inputLabel')}
            </label>
            <div className="search-form__row">
              <input
                id="search-q"
                type="search"
                className="input search-form__input"
                value={text}
                placeholder={t('search.placeholder')}
                aria-describedby="search-q-hint"
                autoComplete="off"
                enterKeyHint="search"
                onChange={(e) => {
                  setText(e.target.value);
                  writeQuery.run(e.target.value, true);
                }}
              />
              <Button type="submit">{t('search.submit')}</Button>
            </div>
            <p className="field__hint" id="search-q-hint">
              {t('search.inputHint')}
            </p>
          </form>
        </search>
      </header>

      <div className="search-toolbar">
        <SegmentedControl<TypeTab>
          legend={t('search.types.legend')}
          options={tabs}
          value={state.type ?? 'all'}
          onChange={(value) => update({ type: value === 'all' ? null : value })}
        />
        <Button
          variant="secondary"
          className="search-filters-toggle"
          aria-expanded={filtersOpen}
          aria-controls="search-filters"
          onClick={() => setFiltersOpen((o) => !o)}
        >
          {t('search.filters.toggle')}
          {activeCount > 0 && <span className="count-pill">{activeCount}</span>}
        </Button>
        <SaveSearchButton state={state} />
      </div>

      <div className="search-layout">
        <SearchFilters
          state={state}
          facets={facets}
          onChange={update}
          onClear={clearAll}
          activeCount={activeCount}
          open={filtersOpen}
          onClose={() => {
            setFiltersOpen(false);
            // With the results in view; focus goes back to the toggle as the sheet closes (SearchFilters).
            document.getElementById('search-results-title')?.parentElement?.scrollIntoView({ block: 'start' });
          }}
          total={data?.total}
        />
        <section className="search-results" aria-labelledby="search-results-title">
          <h2 className="visually-hidden" id="search-results-title">
            {t('search.resultsTitle')}
          </h2>
          <div className="search-results__bar">
            <p className="search-results__count" aria-live="polite" aria-atomic="true">
              {data ? t('search.resultCount', { count: data.total }) : results.isError ? '' : t('search.searching')}
            </p>
            <div className="search-results__sort">
              <label htmlFor="search-sort">{t('search.sort.label')}</label>
              <Select
                id="search-sort"
                value={state.sort}
                onChange={(e) => update({ sort: e.target.value as SearchSort })}
                options={sorts.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
              />
            </div>
          </div>
          <ActiveFilters state={state} onChange={update} onClear={clearAll} />
          <HitList
            hits={data?.hits}
            loading={results.isPending}
            error={results.error}
            onRetry={() => void results.refetch()}
            stale={results.isPlaceholderData}
            skeletons={4}
            empty={
              <SearchEmpty
                q={state.q}
                filtered={activeCount > 0}
                onClearFilters={clearAll}
                pastEnd={data && data.total > 0 ? { firstPageHref: hrefFor(1) } : undefined}
              />
            }
          />
          {results.isError && data && <p className="field__error">{t('search.refreshFailed')}</p>}
          <Pagination page={state.page} totalPages={totalPages} hrefFor={hrefFor} label={t('pagination.label')} />
        </section>
      </div>
    </div>
  );
}
