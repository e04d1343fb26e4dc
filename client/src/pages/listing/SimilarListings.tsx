import { useQuery } from '@tanstack/react-query';
import type { ListingType } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { getSimilarListings } from '../../api/bookmarks';
import { queryKeys } from '../../api/queryKeys';
import { HitList } from '../../components/listings/HitList';

/**
 * "Công nghệ tương tự" / "Nhu cầu tương tự" under a listing: published
 * listings of the same type about the same things. Hidden when there are none.
 */
export function SimilarListings({ type, id }: { type: ListingType; id: string }) {
  const { t } = useTranslation();
  const similar = useQuery({
    queryKey: queryKeys.similar(type, id),
    queryFn: ({ signal }) => getSimilarListings(type, id, signal),
    staleTime: 5 * 60_000,
  });
  if (similar.isSuccess && similar.data.data.length === 0) return null;
  const titleId = `similar-${type}-title`;
  return (
    <section className="similar-listings" aria-labelledby={titleId}>
      <h2 className="section-title" id={titleId}>
        {t(`similar.title.${type}`)}
      </h2>
      <HitList
        hits={similar.data?.data}
        loading={similar.isPending}
        error={similar.error}
        onRetry={() => void similar.refetch()}
        empty={null}
        errorTitle={t('similar.loadFailed')}
        layout="grid"
        skeletons={3}
      />
    </section>
  );
}
