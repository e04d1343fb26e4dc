import { useMutation, useQuery } from '@tanstack/react-query';
import type { ListingDto, ListingPolicies, ListingType } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { archiveListing, getMyListings, publishListing } from '../../api/listings';
import { queryKeys } from '../../api/queryKeys';
import { DataTable } from '../../components/data/DataTable';
import { QueryView } from '../../components/data/QueryView';
import { StatusBadge } from '../../components/listings/ListingBadges';
import { listingHref } from '../../components/listings/ListingCard';
import { Alert, Button, ButtonLink, Card, CardHeader, EmptyState } from '../../components/ui';
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
      <QueryView
        query={query}
        errorTitle={t('dashboard.loadFailed')}
        empty={
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
        }
      >
        {({ data, policies }) => (
          <DataTable
            label={t(`dashboard.${type}s`)}
            rows={data}
            rowKey={(listing) => listing.id}
            columns={[
              {
                key: 'title',
                header: t('dashboard.columns.title'),
                rowHeader: true,
                className: 'data-table__title',
                cell: (listing) => (
                  <>
                    <Link to={listingHref(listing.type, listing.id)}>{listing.title}</Link>
                    {listing.status === 'rejected' && listing.rejectionReason && (
                      <span className="data-table__reason">
                        {t('listing.rejectionReason', { reason: listing.rejectionReason })}
                      </span>
                    )}
                  </>
                ),
              },
              {
                key: 'status',
                header: t('dashboard.columns.status'),
                cell: (listing) => <StatusBadge status={listing.status} />,
              },
              {
                key: 'updated',
                header: t('dashboard.columns.updated'),
                cell: (listing) => formatDate(listing.updatedAt, lang),
              },
              {
                key: 'views',
                header: t('dashboard.columns.views'),
                cell: (listing) => formatNumber(listing.views, lang),
              },
              {
                key: 'actions',
                header: t('dashboard.columns.actions'),
                headerHidden: true,
                className: 'data-table__actions',
                cell: (listing, i) => actions(listing, policies[i]),
              },
            ]}
          />
        )}
      </QueryView>
    </Card>
  );
}
