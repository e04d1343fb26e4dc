import { useQuery } from '@tanstack/react-query';
import type { ListingDto } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getModerationQueue } from '../../api/admin';
import { queryKeys } from '../../api/queryKeys';
import { LoadingBlock } from '../../components/data/LoadingBlock';
import { QueryView } from '../../components/data/QueryView';
import { TypeBadge } from '../../components/listings/ListingBadges';
import { listingHref } from '../../components/listings/ListingCard';
import { ModerationActions } from '../../components/listings/ModerationActions';
import { Alert, EmptyState } from '../../components/ui';
import { formatDate } from '../../lib/format';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { VerifiedBadge } from '../account/OrganizationCard';

/** Listings waiting for review, oldest first, each with approve / reject-with-reason. */
export function ModerationQueue() {
  const { t } = useTranslation();
  const lang = useLang();
  const query = useQuery({ queryKey: queryKeys.moderationQueue, queryFn: ({ signal }) => getModerationQueue(signal) });
  const [last, setLast] = useState<{ outcome: 'approved' | 'rejected'; title: string } | null>(null);

  const summary = (listing: ListingDto) => (listing.type === 'offer' ? listing.summary : listing.problem);

  return (
    <section aria-labelledby="moderation-queue-title" className="admin-section">
      <h2 className="section-title" id="moderation-queue-title">
        {t('admin.moderation.title')}
        {query.data && <span className="count-pill">{query.data.data.length}</span>}
      </h2>
      <p className="muted">{t('admin.moderation.lead')}</p>
      {last && (
        <Alert tone="success" live>
          {t(last.outcome === 'approved' ? 'moderation.approvedOne' : 'moderation.rejectedOne', { title: last.title })}
        </Alert>
      )}
      <QueryView
        query={query}
        errorTitle={t('admin.loadFailed')}
        loading={<LoadingBlock className="admin-list" />}
        empty={<EmptyState icon="check" title={t('admin.moderation.empty')} />}
      >
        {({ data }) => (
          <ul className="admin-list">
            {data.map((listing) => (
              <li key={`${listing.type}-${listing.id}`} className="admin-item">
                <article aria-labelledby={`queue-${listing.id}`}>
                  <div className="admin-item__badges">
                    <TypeBadge type={listing.type} />
                    <span className="muted">
                      {t('admin.moderation.submitted', { date: formatDate(listing.updatedAt, lang) })}
                    </span>
                  </div>
                  <h3 className="admin-item__title" id={`queue-${listing.id}`}>
                    <Link to={listingHref(listing.type, listing.id)}>{listing.title}</Link>
                  </h3>
                  <p className="admin-item__summary">{summary(listing)}</p>
                  <p className="admin-item__org">
                    <Link to={`/organizations/${listing.organization.id}`}>{listing.organization.name}</Link>
                    <span lang="vi">{provinceName(listing.organization.province)}</span>
                    <VerifiedBadge verified={listing.organization.verified} />
                  </p>
                  <ModerationActions
                    listing={listing}
                    onDone={(outcome) => setLast({ outcome, title: listing.title })}
                  />
                </article>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
