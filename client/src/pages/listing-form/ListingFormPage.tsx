import type { DemandDto, ListingType, OfferDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { useAuth } from '../../auth/useAuth';
import { Alert, ButtonLink, Card, CardHeader, EmptyState, PageLoader } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { usePageTitle } from '../../lib/usePageTitle';
import { ListingStatusNote } from '../listing/ListingStatusNote';
import { NoticeAlert } from '../listing/NoticeAlert';
import { readNotice } from '../listing/notices';
import { useListing } from '../listing/useListing';
import { AttachmentsManager } from './AttachmentsManager';
import { DemandForm } from './DemandForm';
import { ImagesManager } from './ImagesManager';
import { OfferForm } from './OfferForm';

/** /offers/new, /demands/new, /offers/:id/edit and /demands/:id/edit. */
export function ListingFormPage({ type, mode }: { type: ListingType; mode: 'new' | 'edit' }) {
  const { t } = useTranslation();
  const { organization } = useAuth();
  const { id = '' } = useParams();
  const location = useLocation();
  const fromNav = readNotice(location.state);
  const query = useListing(type, mode === 'edit' ? id : '');
  const title = t(`listingForm.titles.${type}.${mode}`);
  usePageTitle(title);

  const header = (
    <header className="page-header">
      <div className="page-header__text">
        <h1 className="page-header__title">{title}</h1>
        <p className="page-header__subtitle">{t(`listingForm.subtitles.${type}`)}</p>
      </div>
    </header>
  );

  if (!organization) {
    return (
      <div className="container page page--narrow">
        {header}
        <Alert tone="warning">{t('listingForm.noOrganization')}</Alert>
      </div>
    );
  }

  if (mode === 'edit') {
    if (query.isPending) return <PageLoader />;
    if (query.isError) {
      const missing = isApiError(query.error) && [400, 404].includes(query.error.status);
      return (
        <div className="container page page--narrow">
          {header}
          {missing ? (
            <EmptyState
              title={t('listing.notFound.title')}
              actions={<ButtonLink to="/app">{t('nav.dashboard')}</ButtonLink>}
            >
              <p>{t('listing.notFound.body')}</p>
            </EmptyState>
          ) : (
            <Alert tone="error">{describeApiError(query.error, t)}</Alert>
          )}
        </div>
      );
    }
    if (!query.data.policies.update) {
      return (
        <div className="container page page--narrow">
          {header}
          <Alert tone="warning">{t('listingForm.notOwner')}</Alert>
        </div>
      );
    }
  }

  const current = mode === 'edit' ? query.data : undefined;

  return (
    <div className="container page page--narrow">
      {header}
      {fromNav.notice && <NoticeAlert notice={fromNav.notice} />}
      {fromNav.error && <Alert tone="error">{fromNav.error}</Alert>}
      {current && <ListingStatusNote listing={current.data} />}
      <Card as="section" aria-label={title}>
        {type === 'offer' ? (
          <OfferForm listing={current?.data as OfferDto | undefined} policies={current?.policies} />
        ) : (
          <DemandForm listing={current?.data as DemandDto | undefined} policies={current?.policies} />
        )}
      </Card>
      <Card as="section" aria-labelledby="images-title">
        <CardHeader id="images-title" title={t('images.title')} />
        {current ? <ImagesManager listing={current.data} /> : <p className="muted">{t('images.afterSave')}</p>}
      </Card>
      <Card as="section" aria-labelledby="attachments-title">
        <CardHeader id="attachments-title" title={t('attachments.title')} />
        {current ? (
          <AttachmentsManager listing={current.data} />
        ) : (
          <p className="muted">{t('attachments.afterSave')}</p>
        )}
      </Card>
    </div>
  );
}

export const OfferNewPage = () => <ListingFormPage type="offer" mode="new" />;
export const DemandNewPage = () => <ListingFormPage type="demand" mode="new" />;
export const OfferEditPage = () => <ListingFormPage type="offer" mode="edit" />;
export const DemandEditPage = () => <ListingFormPage type="demand" mode="edit" />;
