import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getDeal } from '../../api/deals';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';
import { DealStageBadge } from '../../components/deals/DealStageBadge';
import { dealSides, mySide, viewerRole } from '../../components/deals/dealHelpers';
import { LoadFailed } from '../../components/LoadFailed';
import { TypeBadge } from '../../components/listings/ListingBadges';
import { listingHref } from '../../components/listings/ListingCard';
import { ButtonLink, EmptyState, PageLoader } from '../../components/ui';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { ChatPanel } from './chat/ChatPanel';
import { AuditTrail } from './room/AuditTrail';
import { DealStageSection } from './room/DealStageSection';
import { DealConfidential, NdaPanel } from './room/NdaPanel';
import { Participants } from './room/Participants';
import { ProposalCard } from './room/ProposalCard';

function DealRoom({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { organization } = useAuth();
  const query = useQuery({ queryKey: queryKeys.deal(id), queryFn: ({ signal }) => getDeal(id, signal) });
  usePageTitle(query.data ? t('deals.room.pageTitle', { title: query.data.data.listing.title }) : t('deals.title'));

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    const hidden = isApiError(query.error) && [400, 403, 404].includes(query.error.status);
    return (
      <div className="container page">
        {hidden ? (
          <EmptyState
            title={t('deals.room.notFound')}
            actions={<ButtonLink to="/deals">{t('deals.room.back')}</ButtonLink>}
          >
            <p>{t('deals.room.notFoundBody')}</p>
          </EmptyState>
        ) : (
          <LoadFailed title={t('deals.room.loadFailed')} error={query.error} retry={() => void query.refetch()} />
        )}
      </div>
    );
  }

  const deal = query.data.data;
  const role = viewerRole(deal, organization?.id);
  const side = mySide(deal, organization?.id);
  const sides = dealSides(deal);

  return (
    <div className="container page deal-room">
      <p className="breadcrumb">
        <Link to={role === 'intermediary' ? '/broker' : '/deals'}>
          <span aria-hidden="true">‹ </span>
          {role === 'intermediary' ? t('broker.title') : t('deals.title')}
        </Link>
      </p>
      <header className="deal-head">
        <div className="listing-head__badges">
          <DealStageBadge stage={deal.stage} />
          {side && <span className="muted">{t(`deals.myRole.${side}`)}</span>}
        </div>
        <h1 className="listing-head__title deal-head__title">
          {deal.offer && deal.demand ? (
            <>
              <Link className="deal-head__listing" to={listingHref('offer', deal.offer.id)}>
                {deal.offer.title}
              </Link>
              <span className="deal-head__link" aria-hidden="true">
                {' ↔ '}
              </span>
              <span className="visually-hidden"> {t('deals.room.answers')} </span>
              <Link className="deal-head__listing" to={listingHref('demand', deal.demand.id)}>
                {deal.demand.title}
              </Link>
            </>
          ) : (
            deal.listing.title
          )}
        </h1>
        <dl className="deal-head__sides">
          <div>
            <dt>{t('deals.parties.provider')}</dt>
            <dd>
              <Link to={`/organizations/${sides.provider.id}`}>{sides.provider.name}</Link>
              {deal.offer && !deal.demand && (
                <>
                  {' · '}
                  <Link to={listingHref('offer', deal.offer.id)}>{t('deals.room.viewListing.offer')}</Link>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('deals.parties.need')}</dt>
            <dd>
              <Link to={`/organizations/${sides.need.id}`}>{sides.need.name}</Link>
              {deal.demand && !deal.offer && (
                <>
                  {' · '}
                  <Link to={listingHref('demand', deal.demand.id)}>{t('deals.room.viewListing.demand')}</Link>
                </>
              )}
            </dd>
          </div>
          {sides.intermediary && (
            <div>
              <dt>{t('deals.parties.intermediary')}</dt>
              <dd>
                <Link to={`/organizations/${sides.intermediary.id}`}>{sides.intermediary.name}</Link>
              </dd>
            </div>
          )}
        </dl>
        <p className="listing-head__meta">
          <TypeBadge type={deal.listing.type} />
          <span>{t('deals.room.openedOn', { date: formatDate(deal.createdAt, lang) })}</span>
        </p>
      </header>
      {/* The conversation comes first, so the newest messages are on screen (and read) on arrival. */}
      <div className="deal-layout">
        <div className="deal-layout__main">
          <ChatPanel deal={deal} />
        </div>
        <aside className="deal-layout__aside" aria-label={t('deals.room.asideLabel')}>
          <DealStageSection deal={deal} />
          {deal.proposal && <ProposalCard deal={deal} />}
          <Participants deal={deal} />
          {deal.nda.required && <NdaPanel deal={deal} />}
          <DealConfidential deal={deal} />
          <AuditTrail dealId={deal.id} />
        </aside>
      </div>
    </div>
  );
}

/** /deals/:id — the deal room. Keyed by id so moving between deals starts from a clean slate. */
export function DealRoomPage() {
  const { id = '' } = useParams();
  return <DealRoom key={id} id={id} />;
}
