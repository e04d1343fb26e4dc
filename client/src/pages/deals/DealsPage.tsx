import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getDeals } from '../../api/deals';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';
import { DataTable } from '../../components/data/DataTable';
import { QueryView } from '../../components/data/QueryView';
import { DealStageBadge } from '../../components/deals/DealStageBadge';
import { byLastActivity, counterpartName, lastActivity } from '../../components/deals/dealHelpers';
import { TypeBadge } from '../../components/listings/ListingBadges';
import { Alert, ButtonLink, Card, EmptyState } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { MandatesCard } from '../broker/MandatesCard';

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

  return (
    <div className="container page">
      <header className="page-intro">
        <h1 className="page-header__title">{t('deals.title')}</h1>
        <p className="page-header__subtitle">{t('deals.lead')}</p>
      </header>
      {!organization && <Alert tone="info">{t('deals.noOrganization')}</Alert>}
      {organization && organization.type !== 'intermediary' && <MandatesCard />}
      {organization && (
        <Card as="section" aria-label={t('deals.listLabel')}>
          <QueryView
            query={query}
            errorTitle={t('deals.loadFailed')}
            empty={
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
            }
          >
            {({ data }) => (
              <DataTable
                label={t('deals.title')}
                className="deal-table"
                rows={[...data].sort(byLastActivity)}
                rowKey={(deal) => deal.id}
                rowClassName={(deal) => (deal.unread > 0 ? 'is-unread' : undefined)}
                columns={[
                  {
                    key: 'listing',
                    header: t('deals.columns.listing'),
                    rowHeader: true,
                    className: 'data-table__title',
                    cell: (deal) => (
                      <>
                        <Link to={`/deals/${deal.id}`}>{deal.listing.title}</Link>
                        <span className="deal-table__type">
                          <TypeBadge type={deal.listing.type} />
                        </span>
                      </>
                    ),
                  },
                  {
                    key: 'counterpart',
                    header: t('deals.columns.counterpart'),
                    cell: (deal) => counterpartName(deal, organization.id),
                  },
                  {
                    key: 'stage',
                    header: t('deals.columns.stage'),
                    cell: (deal) => <DealStageBadge stage={deal.stage} />,
                  },
                  {
                    key: 'unread',
                    header: t('deals.columns.unread'),
                    cell: (deal) =>
                      deal.unread > 0 ? (
                        <span className="count-pill count-pill--strong">
                          {deal.unread}
                          <span className="visually-hidden"> {t('deals.unread', { count: deal.unread })}</span>
                        </span>
                      ) : (
                        <span className="muted">{t('deals.noUnread')}</span>
                      ),
                  },
                  {
                    key: 'activity',
                    header: t('deals.columns.activity'),
                    cell: (deal) => (
                      <time dateTime={lastActivity(deal)}>{formatDateTime(lastActivity(deal), lang)}</time>
                    ),
                  },
                ]}
              />
            )}
          </QueryView>
        </Card>
      )}
    </div>
  );
}
