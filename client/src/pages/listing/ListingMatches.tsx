import { useQuery } from '@tanstack/react-query';
import type { ListingDto } from '@techbridge/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { getListingMatches } from '../../api/matches';
import { queryKeys } from '../../api/queryKeys';
import { MatchList, NoMatches } from '../../components/matches/MatchList';
import { Card, CardHeader } from '../../components/ui';

/** "Gợi ý phù hợp" on the owner's listing page: this listing's matches, best first. */
export function ListingMatches({ listing }: { listing: ListingDto }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: queryKeys.listingMatches(listing.type, listing.id),
    queryFn: ({ signal }) => getListingMatches(listing.type, listing.id, signal),
  });
  const count = query.data?.data.length;
  const { hash } = useLocation();
  const loaded = query.isSuccess;

  // Links from notifications end in #matches; the section appears only after the listing loaded.
  useEffect(() => {
    if (loaded && hash === '#matches') document.getElementById('matches')?.scrollIntoView({ block: 'start' });
  }, [loaded, hash]);

  return (
    <Card as="section" id="matches" className="listing-matches" aria-labelledby="listing-matches-title">
      <CardHeader
        id="listing-matches-title"
        title={
          <>
            {t('matches.sectionTitle')}
            {count !== undefined && <span className="count-pill">{count}</span>}
          </>
        }
      />
      <p className="muted">{t(`matches.sectionLead.${listing.type}`)}</p>
      <MatchList
        query={query}
        showOwn={false}
        empty={
          <NoMatches>
            <p>{t(listing.status === 'published' ? 'matches.emptyListing' : 'matches.emptyUnpublished')}</p>
          </NoMatches>
        }
      />
    </Card>
  );
}
