import { useMutation, useQuery } from '@tanstack/react-query';
import type { ListingDto, ListingPolicies, ListingType } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { archiveListing, getMyListings, publishListing } from '../../api/listings';
import { queryKeys } from '../../api/queryKeys';
import { LoadFailed } from '../../components/LoadFailed';
import { StatusBadge } from '../../components/listings/ListingBadges';
import { listingHref } from '../../components/listings/ListingCard';
import { Alert, Button, ButtonLink, Card, CardHeader, EmptyState, Skeleton } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { formatDate, formatNumber } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { useListingCache } from '../../lib/useListingCache';
import { type ListingNotice, publishNotice } from '../listing/notices';
import { editHref } from '../listing/OwnerActions';

export interface MyListingsTableProps {
  type: ListingType;
  onNotice: (notice: ListingNotice, title: string) => void;
}

type Action = { kind: 'publish' | 'archive'; listing: ListingDto };

/** My organisation's offers or demands, every status, with quick actions. */
export function MyListingsTable({ type, onNotice }: MyListingsTableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const cache = useListingCache();
  const query = useQuery({
    queryKey: queryKeys.mine(type),
    queryFn: ({ signal }) => getMyListings(type, undefined, signal),
  });
  const action = useMutation({
    mutationFn: ({ kind, listing }: Action) =>
      kind === 'publish' ? publishListing(type, listing.id) : archiveListing(type, listing.id),
    onSuccess: (result, { kind }) => {
      cache.stored(result);
      onNotice(kind === 'publish' ? publishNotice(result.data.status) : 'archived', result.data.title);
    },
  });
  const titleId = `my-${type}s-title`;
  const newHref = type === 'offer' ? '/offers/new' : '/demands/new';
  const count = query.data?.data.length;

  const busy = (id: string, kind: Action['kind']) =>
    action.isPending && action.variables?.listing.id === id && action.variables.kind === kind;

  function actions(listing: ListingDto, policies: ListingPolicies | undefined) {
    return (
      <div className="row-actions">
        {policies?.update && (
          <ButtonLink
            to={editHref(listing)}
            variant="ghost"
            size="sm"
            aria-label={t('dashboard.editNamed', { title: listing.title })}
          >
            {t('listing.actions.edit')}
          </ButtonLink>
        )}
        {policies?.publish && (
          <Button
            size="sm"
            variant="secondary"
            loading={busy(listing.id, 'publish')}
            disabled={action.isPending}
            aria-label={t('dashboard.publishNamed', { title: listing.title })}
            onClick={() => action.mutate({ kind: 'publish', listing })}
          >
            {t('listing.actions.publish')}
          </Button>
        )}
        {policies?.archive && (
          <Button
            size="sm"
            variant="ghost"
            loading={busy(listing.id, 'archive')}
            disabled={action.isPending}
            aria-label={t('dashboard.archiveNamed', { title: listing.title })}
            onClick={() => action.mutate({ kind: 'archive', listing })}
          >
            {t('listing.actions.archive')}
          </Button>
        )}
      </div>
    );
  }

  return (
    <Card as="section" aria-labelledby={titleId} className="my-listings">
      <CardHeader
        id={titleId}
        title={
          <>
            {t(`dashboard.${type}s`)}
            {count !== undefined && <span className="count-pill">{count}</span>}
          </>
        }
      />
      {action.isError && <Alert tone="error">{describeApiError(action.error, t)}</Alert>}
      {query.isPending && (
        <div className="my-listings__loading">
          <p className="visually-hidden" role="status">
            {t('common.loading')}
          </p>
          <Skeleton variant="block" />
          <Skeleton variant="block" />
        </div>
      )}
      {query.isError && (
        <LoadFailed title={t('dashboard.loadFailed')} error={query.error} retry={() => void query.refetch()} />
      )}
      {query.data && query.data.data.length === 0 && (
        <EmptyState
          title={t(`dashboard.empty.${type}`)}
          actions={
            <ButtonLink to={newHref} variant="secondary">
              {t(`dashboard.new.${type}`)}
            </ButtonLink>
          }
        >
          <p>{t(`dashboard.emptyBody.${type}`)}</p>
        </EmptyState>
      )}
      {query.data && query.data.data.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.columns.title')}</th>
              <th scope="col">{t('dashboard.columns.status')}</th>
              <th scope="col">{t('dashboard.columns.updated')}</th>
              <th scope="col">{t('dashboard.columns.views')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('dashboard.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {query.data.data.map((listing, i) => (
              <tr key={listing.id}>
                <th scope="row" className="data-table__title">
                  <Link to={listingHref(listing.type, listing.id)}>{listing.title}</Link>
                  {listing.status === 'rejected' && listing.rejectionReason && (
                    <span className="data-table__reason">
                      {t('listing.rejectionReason', { reason: listing.rejectionReason })}
                    </span>
                  )}
                </th>
                <td data-label={t('dashboard.columns.status')}>
                  <StatusBadge status={listing.status} />
                </td>
                <td data-label={t('dashboard.columns.updated')}>{formatDate(listing.updatedAt, lang)}</td>
                <td data-label={t('dashboard.columns.views')}>{formatNumber(listing.views, lang)}</td>
                <td className="data-table__actions">{actions(listing, query.data.policies[i])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
