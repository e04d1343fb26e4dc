import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryKeys';
import { searchListings } from '../../api/search';
import { HitList } from '../../components/listings/HitList';
import { ButtonLink, EmptyState } from '../../components/ui';
import { SectionHeading } from './SectionHeading';

const LATEST = 'sort=newest&limit=6';

/** "Mới nhất": the six most recently published offers and demands. */
export function LatestListings() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: queryKeys.search(LATEST),
    queryFn: ({ signal }) => searchListings(LATEST, signal),
  });

  return (
    <section className="section" id="latest" aria-labelledby="latest-title">
      <div className="container">
        <SectionHeading id="latest-title" title={t('home.latest.title')} lead={t('home.latest.lead')} />
        <HitList
          hits={query.data?.hits}
          loading={query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          layout="grid"
          skeletons={6}
          empty={<EmptyState title={t('home.latest.empty')}>{t('home.latest.emptyBody')}</EmptyState>}
        />
        {query.data && query.data.total > 0 && (
          <div className="section-more">
            <ButtonLink to="/search?sort=newest" variant="secondary">
              {t('home.latest.all')}
            </ButtonLink>
          </div>
        )}
      </div>
    </section>
  );
}
