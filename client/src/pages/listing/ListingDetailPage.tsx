import type { ListingType } from '@techbridge/shared';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { attachmentPath } from '../../api/listings';
import { BookmarkToggle } from '../../components/bookmarks/BookmarkToggle';
import { LoadFailed } from '../../components/LoadFailed';
import { AttachmentList } from '../../components/listings/AttachmentList';
import { LangBadge, StatusBadge, TypeBadge } from '../../components/listings/ListingBadges';
import { Alert, ButtonLink, Card, CardHeader, EmptyState, PageLoader } from '../../components/ui';
import { formatDate, formatNumber } from '../../lib/format';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { ConfidentialLocked, ConfidentialPanel } from './ConfidentialPanel';
import { ExpressInterest } from './ExpressInterest';
import { ListingFacts } from './ListingFacts';
import { ListingGallery } from './ListingGallery';
import { ListingTranslation } from './ListingTranslation';
import { NoticeAlert } from './NoticeAlert';
import { type ListingNotice, readNotice } from './notices';
import { OrganizationSummary } from './OrganizationSummary';
import { SimilarListings } from './SimilarListings';
import { useListing } from './useListing';

/**
 * What only the owner or a moderator sees loads on demand: a visitor's
 * listing page (the one shared links open) carries none of its code, nor
 * the schemas (zod) the moderation form validates with.
 */
const OwnerActions = lazy(() => import('./OwnerActions').then((m) => ({ default: m.OwnerActions })));
const ListingMatches = lazy(() => import('./ListingMatches').then((m) => ({ default: m.ListingMatches })));
const ListingStatusNote = lazy(() => import('./ListingStatusNote').then((m) => ({ default: m.ListingStatusNote })));
const ModerationActions = lazy(() =>
  import('../../components/listings/ModerationActions').then((m) => ({ default: m.ModerationActions })),
);

/** /offers/:id and /demands/:id. */
export function ListingDetailPage({ type }: { type: ListingType }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const location = useLocation();
  const query = useListing(type, id);
  const fromNav = readNotice(location.state);
  const [notice, setNotice] = useState<ListingNotice | undefined>(fromNav.notice);
  const [moderated, setModerated] = useState<'approved' | 'rejected' | null>(null);
  usePageTitle(query.data?.data.title ?? t(`listing.type.${type}`));

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <div className="container page">
        {missing ? (
          <EmptyState
            icon="search"
            title={t('listing.notFound.title')}
            actions={<ButtonLink to="/search">{t('listing.notFound.search')}</ButtonLink>}
          >
            <p>{t('listing.notFound.body')}</p>
          </EmptyState>
        ) : (
          <LoadFailed title={t('listing.loadFailed')} error={query.error} retry={() => void query.refetch()} />
        )}
      </div>
    );
  }

  const { data: listing, policies } = query.data;
  const isOwner = policies.update;
  const text = listing.type === 'offer' ? listing.summary : listing.problem;
  const more = listing.type === 'offer' ? listing.description : listing.requirements;

  return (
    <div className="container page listing-page">
      {fromNav.error && <Alert tone="error">{fromNav.error}</Alert>}
      {notice && <NoticeAlert notice={notice} />}
      {moderated && (
        <Alert tone="success" live>
          {t(moderated === 'approved' ? 'moderation.approvedOne' : 'moderation.rejectedOne', { title: listing.title })}
        </Alert>
      )}
      <header className="listing-head">
        <div className="listing-head__badges">
          <TypeBadge type={listing.type} />
          {(isOwner || listing.status !== 'published') && <StatusBadge status={listing.status} />}
          <LangBadge lang={listing.lang} />
        </div>
        <h1 className="listing-head__title" lang={listing.lang}>
          {listing.title}
        </h1>
        <p className="listing-head__meta">
          <span lang="vi">{provinceName(listing.province)}</span>
          {listing.publishedAt && (
            <span>{t('listing.publishedOn', { date: formatDate(listing.publishedAt, lang) })}</span>
          )}
          <span>{t('listing.views', { count: listing.views, formatted: formatNumber(listing.views, lang) })}</span>
        </p>
        {listing.status === 'published' && (
          <div className="listing-head__actions">
            <BookmarkToggle type={listing.type} listingId={listing.id} listing={listing} size="md" />
          </div>
        )}
      </header>
      {isOwner && (
        <Suspense fallback={null}>
          <ListingStatusNote listing={listing} />
        </Suspense>
      )}

      <div className="listing-layout">
        <div className="listing-main">
          <ListingGallery listing={listing} />
          <Card as="section" aria-labelledby="listing-summary-title">
            <CardHeader id="listing-summary-title" title={t(`listing.sections.${listing.type}.summary`)} />
            <p className="prose" lang={listing.lang}>
              {text}
            </p>
            {more && (
              <>
                <h3 className="listing-subtitle">{t(`listing.sections.${listing.type}.more`)}</h3>
                <p className="prose" lang={listing.lang}>
                  {more}
                </p>
              </>
            )}
            <ListingTranslation listing={listing} />
          </Card>
          <Card as="section" aria-labelledby="listing-facts-title">
            <CardHeader id="listing-facts-title" title={t('listing.sections.facts')} />
            <ListingFacts listing={listing} />
          </Card>
          <Card as="section" aria-labelledby="listing-files-title">
            <CardHeader id="listing-files-title" title={t('attachments.title')} />
            <AttachmentList
              fileHref={(a) => attachmentPath(listing.type, listing.id, a.id)}
              attachments={listing.attachments}
            />
          </Card>
          {listing.type === 'offer' &&
            (policies.seeConfidential && listing.confidential ? (
              <ConfidentialPanel confidential={listing.confidential} />
            ) : (
              <ConfidentialLocked />
            ))}
          {isOwner && (
            <Suspense fallback={null}>
              <ListingMatches listing={listing} />
            </Suspense>
          )}
        </div>

        <aside className="listing-aside" aria-label={t('listing.asideLabel')}>
          <ExpressInterest listing={listing} />
          {isOwner && (
            <Card as="section" aria-labelledby="owner-actions-title">
              <CardHeader id="owner-actions-title" title={t('listing.actions.title')} />
              <Suspense fallback={null}>
                <OwnerActions listing={listing} policies={policies} onNotice={setNotice} />
              </Suspense>
            </Card>
          )}
          {policies.moderate && (
            <Card as="section" aria-labelledby="moderation-title">
              <CardHeader id="moderation-title" title={t('moderation.title')} />
              <p className="muted">{t('moderation.detailNote')}</p>
              <Suspense fallback={null}>
                <ModerationActions listing={listing} onDone={(outcome) => setModerated(outcome)} />
              </Suspense>
            </Card>
          )}
          <OrganizationSummary organization={listing.organization} />
        </aside>
      </div>
      {listing.status === 'published' && <SimilarListings type={listing.type} id={listing.id} />}
    </div>
  );
}

export function OfferDetailPage() {
  return <ListingDetailPage type="offer" />;
}

export function DemandDetailPage() {
  return <ListingDetailPage type="demand" />;
}
