import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getDeals } from '../../api/deals';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';
import { DealStageBadge } from '../../components/deals/DealStageBadge';
import { byLastActivity, counterpartName, lastActivity } from '../../components/deals/dealHelpers';
import { LoadFailed } from '../../components/LoadFailed';
import { TypeBadge } from '../../components/listings/ListingBadges';
import { Alert, ButtonLink, Card, EmptyState, Skeleton } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';

/** /deals: my organisation's deals, most recent activity first, with unread counts. */
export function DealsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('deals.title'));
  const { organization } = useAuth();
  const query = useQuery({
    queryKey: queryKeys.deals('party'),
    queryFn: ({ signal }) => getDeals(undefined, signal),
    enabled: !!organization,
  });
  const deals = query.data ? [...query.data.data].sort(byLastActivity) : [];

  return (
    <div className="container page">
      <header className="page-intro">
        <h1 className="page-header__title">{t('deals.title')}</h1>
        <p className="page-header__subtitle">{t('deals.lead')}</p>
      </header>
      {!organization && <Alert tone="info">{t('deals.noOrganization')}</Alert>}
      {organization && (
        <Card as="section" aria-label={t('deals.listLabel')}>
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
            <LoadFailed title={t('deals.loadFailed')} error={query.error} retry={() => void query.refetch()} />
          )}
          {query.data && deals.length === 0 && (
            <EmptyState
              title={t('deals.empty')}
              actions={
                <>
                  <ButtonLink to="/matches">{t('deals.emptyMatches')}</ButtonLink>
                  <ButtonLink to="/search" variant="secondary">
                    {t('deals.emptySearch')}
                  </ButtonLink>
                </>
              }
            >
              <p>{t('deals.emptyBody')}</p>
            </EmptyState>
          )}
          {deals.length > 0 && (
            <table className="data-table deal-table">
              <thead>
                <tr>
                  <th scope="col">{t('deals.columns.listing')}</th>
                  <th scope="col">{t('deals.columns.counterpart')}</th>
                  <th scope="col">{t('deals.columns.stage')}</th>
                  <th scope="col">{t('deals.columns.unread')}</th>
                  <th scope="col">{t('deals.columns.activity')}</th>
                </tr>
              </thead>
              <tbody>
                {deals.map((deal) => (
                  <tr key={deal.id} className={deal.unread > 0 ? 'is-unread' : undefined}>
                    <th scope="row" className="data-table__title">
                      <Link to={`/deals/${deal.id}`}>{deal.listing.title}</Link>
                      <span className="deal-table__type">
                        <TypeBadge type={deal.listing.type} />
                      </span>
                    </th>
                    <td data-label={t('deals.columns.counterpart')}>{counterpartName(deal, organization.id)}</td>
                    <td data-label={t('deals.columns.stage')}>
                      <DealStageBadge stage={deal.stage} />
                    </td>
                    <td data-label={t('deals.columns.unread')}>
                      {deal.unread > 0 ? (
                        <span className="count-pill count-pill--strong">
                          {deal.unread}
                          <span className="visually-hidden"> {t('deals.unread', { count: deal.unread })}</span>
                        </span>
                      ) : (
                        <span className="muted">{t('deals.noUnread')}</span>
                      )}
                    </td>
                    <td data-label={t('deals.columns.activity')}>
                      <time dateTime={lastActivity(deal)}>{formatDateTime(lastActivity(deal), lang)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      )}
    </div>
  );
}
