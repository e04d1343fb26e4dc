import type { SearchHit } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { HitList } from '../../components/listings/HitList';
import { ButtonLink, EmptyState } from '../../components/ui';
import { SectionHeading } from './SectionHeading';
import { useLanding } from './useLanding';

/** "Mới nhất": the newest offers and the newest demands, side by side (stacked on a phone). */
export function LatestListings() {
  const { t } = useTranslation();
  const query = useLanding();
  const column = (type: 'offer' | 'demand', hits: SearchHit[] | undefined) => {
    const plural = type === 'offer' ? 'offers' : 'demands';
    return (
      <div className="newest__column">
        <h3 className="newest__title">{t(`landing.newest.${plural}`)}</h3>
        <HitList
          hits={hits}
          loading={query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          skeletons={3}
          empty={
            <EmptyState title={t(type === 'offer' ? 'landing.newest.emptyOffers' : 'landing.newest.emptyDemands')} />
          }
        />
        {hits && hits.length > 0 && (
          <div className="section-more">
            <ButtonLink to={`/search?type=${type}&sort=newest`} variant="secondary">
              {t(type === 'offer' ? 'landing.newest.allOffers' : 'landing.newest.allDemands')}
            </ButtonLink>
          </div>
        )}
      </div>
    );
  };

  return (
    <section className="section" id="latest" aria-labelledby="latest-title">
      <div className="container">
        <SectionHeading id="latest-title" title={t('landing.newest.title')} lead={t('landing.newest.lead')} />
        <div className="newest">
          {column('offer', query.data?.newest.offers)}
          {column('demand', query.data?.newest.demands)}
        </div>
      </div>
    </section>
  );
}
