import { useQuery } from '@tanstack/react-query';
import { type MatchState, matchStates } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getMatches } from '../../api/matches';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';
import { MatchList, NoMatches } from '../../components/matches/MatchList';
import { Alert, ButtonLink, SegmentedControl } from '../../components/ui';
import { usePageTitle } from '../../lib/usePageTitle';

type Filter = MatchState | 'active';

function parseFilter(value: string | null): Filter {
  return matchStates.includes(value as MatchState) ? (value as MatchState) : 'active';
}

/** /matches: my organisation's matches across all its listings, best first; new ones arrive live. */
export function MatchesPage() {
  const { t } = useTranslation();
  usePageTitle(t('matches.title'));
  const { organization } = useAuth();
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params.get('state'));
  const query = useQuery({
    queryKey: queryKeys.matches(filter),
    queryFn: ({ signal }) => getMatches(filter === 'active' ? undefined : filter, signal),
    enabled: !!organization,
  });
  const options = (['active', ...matchStates] as Filter[]).map((value) => ({
    value,
    label: t(`matches.filters.${value}`),
  }));

  return (
    <div className="container page">
      <header className="page-intro">
        <h1 className="page-header__title">{t('matches.title')}</h1>
        <p className="page-header__subtitle">{t('matches.lead')}</p>
      </header>
      {!organization ? (
        <Alert tone="info">{t('matches.noOrganization')}</Alert>
      ) : (
        <>
          <div className="toolbar">
            <SegmentedControl<Filter>
              legend={t('matches.filters.legend')}
              options={options}
              value={filter}
              onChange={(value) => setParams(value === 'active' ? {} : { state: value }, { replace: true })}
            />
          </div>
          <section aria-label={t('matches.listLabel')}>
            <MatchList
              query={query}
              empty={
                <NoMatches>
                  <p>{filter === 'active' ? t('matches.emptyBody') : t('matches.emptyFiltered')}</p>
                  <ButtonLink to="/app" variant="secondary">
                    {t('matches.goListings')}
                  </ButtonLink>
                </NoMatches>
              }
            />
          </section>
        </>
      )}
    </div>
  );
}
