import { useQuery } from '@tanstack/react-query';
import { type DealDto, type DealStage, dealStages } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getDeals } from '../../api/deals';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';
import { LoadingBlock } from '../../components/data/LoadingBlock';
import { QueryView } from '../../components/data/QueryView';
import { byLastActivity, lastActivity } from '../../components/deals/dealHelpers';
import { Alert, EmptyState } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';

function BrokerCard({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <article className="broker-card">
      <h3 className="broker-card__title">
        <Link to={`/deals/${deal.id}`}>{deal.listing.title}</Link>
      </h3>
      <p className="broker-card__parties">
        {deal.owner.name} <span aria-hidden="true">↔</span>
        <span className="visually-hidden">{t('broker.and')}</span> {deal.initiator.name}
      </p>
      <p className="broker-card__meta">
        <time dateTime={lastActivity(deal)}>{formatDateTime(lastActivity(deal), lang)}</time>
        {deal.unread > 0 && (
          <span className="count-pill count-pill--strong">{t('deals.unread', { count: deal.unread })}</span>
        )}
      </p>
    </article>
  );
}

/** /broker: the deals my intermediary organisation brokers, as columns by stage. */
export function BrokerPage() {
  const { t } = useTranslation();
  usePageTitle(t('broker.title'));
  const { organization } = useAuth();
  const isBroker = organization?.type === 'intermediary';
  const query = useQuery({
    queryKey: queryKeys.deals('intermediary'),
    queryFn: ({ signal }) => getDeals('intermediary', signal),
    enabled: isBroker,
  });
  const byStage = new Map<DealStage, DealDto[]>(dealStages.map((stage) => [stage, []]));
  for (const deal of [...(query.data?.data ?? [])].sort(byLastActivity)) byStage.get(deal.stage)?.push(deal);

  return (
    <div className="container page">
      <header className="page-intro">
        <h1 className="page-header__title">{t('broker.title')}</h1>
        <p className="page-header__subtitle">{t('broker.lead')}</p>
      </header>
      {!isBroker && <Alert tone="info">{t('broker.notBroker')}</Alert>}
      {isBroker && (
        <QueryView
          query={query}
          errorTitle={t('deals.loadFailed')}
          loading={<LoadingBlock blocks={1} />}
          empty={
            <EmptyState title={t('broker.empty')}>
              <p>{t('broker.emptyBody')}</p>
            </EmptyState>
          }
        >
          {() => (
            <div className="board">
              {dealStages.map((stage) => {
                const items = byStage.get(stage) ?? [];
                return (
                  <section key={stage} className="board__column" aria-labelledby={`board-${stage}`}>
                    <h2 className="board__title" id={`board-${stage}`}>
                      {t(`deals.stages.${stage}`)} <span className="count-pill">{items.length}</span>
                    </h2>
                    {items.length === 0 ? (
                      <p className="board__empty muted">{t('broker.columnEmpty')}</p>
                    ) : (
                      <ul className="board__list">
                        {items.map((deal) => (
                          <li key={deal.id}>
                            <BrokerCard deal={deal} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                );
              })}
            </div>
          )}
        </QueryView>
      )}
    </div>
  );
}
