import type { ListingType } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { Alert, ButtonLink } from '../../components/ui';
import type { ListingNotice } from '../listing/notices';
import { MyListingsTable } from './MyListingsTable';

const supplySide = ['research_institute', 'university'];

/** "Tin của tôi": both kinds of listing, the likelier one first for the organisation's type. */
export function MyListings() {
  const { t } = useTranslation();
  const { organization, user } = useAuth();
  const location = useLocation();
  const deleted = (location.state as { deleted?: string } | null)?.deleted;
  const [notice, setNotice] = useState<{ notice: ListingNotice; title: string } | null>(null);

  if (!organization) {
    return (
      <section className="dashboard-section" aria-labelledby="my-listings-title">
        <h2 className="section-title" id="my-listings-title">
          {t('dashboard.title')}
        </h2>
        <Alert tone="info">
          {t('dashboard.noOrganization')}
          {user?.role === 'admin' && (
            <>
              {' '}
              <Link to="/admin">{t('dashboard.goAdmin')}</Link>
            </>
          )}
        </Alert>
      </section>
    );
  }

  const order: ListingType[] = supplySide.includes(organization.type) ? ['offer', 'demand'] : ['demand', 'offer'];

  return (
    <section className="dashboard-section" aria-labelledby="my-listings-title">
      <div className="section-bar">
        <h2 className="section-title" id="my-listings-title">
          {t('dashboard.title')}
        </h2>
        <div className="button-row">
          {order.map((type, i) => (
            <ButtonLink
              key={type}
              to={type === 'offer' ? '/offers/new' : '/demands/new'}
              variant={i === 0 ? 'primary' : 'secondary'}
            >
              {t(`dashboard.new.${type}`)}
            </ButtonLink>
          ))}
          <ButtonLink to="/import" variant="ghost">
            {t('dashboard.import')}
          </ButtonLink>
        </div>
      </div>
      {deleted && !notice && (
        <Alert tone="success" live>
          {t('dashboard.deleted', { title: deleted })}
        </Alert>
      )}
      {notice && (
        <Alert tone={notice.notice === 'pending_review' ? 'info' : 'success'} live title={notice.title}>
          {t(`listing.notices.${notice.notice}.body`)}
        </Alert>
      )}
      {order.map((type) => (
        <MyListingsTable key={type} type={type} onNotice={(n, title) => setNotice({ notice: n, title })} />
      ))}
    </section>
  );
}
