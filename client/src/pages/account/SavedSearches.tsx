import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SavedSearchDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryKeys } from '../../api/queryKeys';
import { deleteSavedSearch, getSavedSearches } from '../../api/subscriptions';
import { LoadingBlock } from '../../components/data/LoadingBlock';
import { QueryView } from '../../components/data/QueryView';
import { Alert, Button, Card, CardHeader, EmptyState } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { emptySearchState, parseSearchState, toUrlParams } from '../search/searchState';

/** The /search URL of a saved query (list filters may be stored as arrays or comma-separated). */
export function savedSearchHref(query: SavedSearchDto['query']): string {
  const raw = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    raw.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const params = toUrlParams({ ...emptySearchState, ...parseSearchState(raw), page: 1 });
  const text = params.toString();
  return text ? `/search?${text}` : '/search';
}

/** "Tìm kiếm đã lưu": my saved searches, each runnable; new matching listings are notified. */
export function SavedSearches() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.savedSearches, queryFn: ({ signal }) => getSavedSearches(signal) });
  const remove = useMutation({
    mutationFn: (search: SavedSearchDto) => deleteSavedSearch(search.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.savedSearches }),
  });

  return (
    <Card as="section" aria-labelledby="saved-searches-title">
      <CardHeader id="saved-searches-title" title={t('saved.title')} />
      <p className="muted">{t('saved.lead')}</p>
      {remove.isError && <Alert tone="error">{describeApiError(remove.error, t)}</Alert>}
      {remove.isSuccess && (
        <Alert tone="success" live>
          {t('saved.deleted', { name: remove.variables.name })}
        </Alert>
      )}
      <QueryView
        query={query}
        errorTitle={t('saved.loadFailed')}
        loading={<LoadingBlock blocks={1} />}
        empty={
          <EmptyState icon="search" title={t('saved.empty')} actions={<Link to="/search">{t('saved.goSearch')}</Link>}>
            <p>{t('saved.emptyBody')}</p>
          </EmptyState>
        }
      >
        {({ data }) => (
          <ul className="plain-list saved-list">
            {data.map((search) => (
              <li key={search.id} className="saved-list__item">
                <div>
                  <Link to={savedSearchHref(search.query)} className="saved-list__name">
                    {search.name}
                  </Link>
                  <p className="muted saved-list__meta">
                    {t('saved.createdOn', { date: formatDate(search.createdAt, lang) })}
                  </p>
                </div>
                <Button
                  variant="ghost"
                  size="sm"
                  loading={remove.isPending && remove.variables?.id === search.id}
                  disabled={remove.isPending}
                  aria-label={t('saved.deleteNamed', { name: search.name })}
                  onClick={() => remove.mutate(search)}
                >
                  {t('saved.delete')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Card>
  );
}
