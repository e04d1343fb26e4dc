import { useQuery } from '@tanstack/react-query';
import { type DealDto, type DealStage, dealStages } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getDeals, getMandates } from '../../api/deals';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';
import { LoadingBlock } from '../../components/data/LoadingBlock';
import { QueryView } from '../../components/data/QueryView';
import { byLastActivity, dealSides, lastActivity } from '../../components/deals/dealHelpers';
import { Alert, EmptyState } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { MandatesCard } from './MandatesCard';
import { ScrollBoard } from './ScrollBoard';

function BrokerCard({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sides = dealSides(deal);
  return (
    <article className="broker-card">
      <h4 className="broker-card__title">
        <Link to={`/deals/${deal.id}`}>{deal.listing.title}</Link>
      </h4>
      <p className="broker-card__parties">
        {sides.provider.name} <span aria-hidden="true">↔</span>
        <span className="visually-hidden">{t('broker.and')}</span> {sides.need.name}
      </p>
      {deal.pending && <p className="broker-card__meta">{t('deals.pending.short')}</p>}
      {deal.introduction && !deal.introduction.complete && (
        <p className="broker-card__meta">{t('broker.introPending')}</p>
      )}
      <p className="broker-card__meta">
        <time dateTime={lastActivity(deal)}>{formatDateTime(lastActivity(deal), lang)}</time>
        {deal.unread > 0 && (
          <span className="count-pill count-pill--strong">{t('deals.unread', { count: deal.unread })}</span>
        )}
      </p>
    </article>
  );
}

/** One client's deals as a board of stage columns (scrolling sideways, with a cue). */
function ClientBoard({ name, deals }: { name: string; deals: DealDto[] }) {
  const { t } = useTranslation();
  const byStage = new Map<DealStage, DealDto[]>(dealStages.map((stage) => [stage, []]));
  for (const deal of deals) byStage.get(deal.stage)?.push(deal);
  const key = name.replace(/\W+/g, '-');
  return (
    <section className="broker-client" aria-label={t('broker.clientDeals', { client: name })}>
      <h2 className="broker-client__title">
        {name} <span className="count-pill">{deals.length}</span>
      </h2>
      <ScrollBoard label={t('broker.clientDeals', { client: name })}>
        {dealStages.map((stage) => {
          const items = byStage.get(stage) ?? [];
          return (
            <section key={stage} className="board__column" aria-labelledby={`board-${key}-${stage}`}>
              <h3 className="board__title" id={`board-${key}-${stage}`}>
                {t(`deals.stages.${stage}`)} <span className="count-pill">{items.length}</span>
              </h3>
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
      </ScrollBoard>
    </section>
  );
}

/** /broker: mandates, then the deals my intermediary organisation brokers, grouped by client and stage. */
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
  const mandates = useQuery({
    queryKey: queryKeys.mandates,
    queryFn: ({ signal }) => getMandates(signal),
    enabled: isBroker,
  });
  const clients = new Map(
    (mandates.data?.data ?? []).filter((m) => m.status === 'active').map((m) => [m.client.id, m.client.name]),
  );
  const groups = new Map<string, DealDto[]>();
  for (const deal of [...(query.data?.data ?? [])].sort(byLastActivity)) {
    const client = [deal.owner, deal.initiator].find((o) => clients.has(o.id));
    const name = client?.name ?? t('broker.noClient');
    groups.set(name, [...(groups.get(name) ?? []), deal]);
  }

  return (
    <div className="container page">
      <header className="page-intro">
        <h1 className="page-header__title">{t('broker.title')}</h1>
        <p className="page-header__subtitle">{t('broker.lead')}</p>
      </header>
      {!isBroker && <Alert tone="info">{t('broker.notBroker')}</Alert>}
      {isBroker && (
        <>
          <MandatesCard />
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
              <div className="broker-groups">
                {[...groups].map(([name, deals]) => (
                  <ClientBoard key={name} name={name} deals={deals} />
                ))}
              </div>
            )}
          </QueryView>
        </>
      )}
    </div>
  );
}
