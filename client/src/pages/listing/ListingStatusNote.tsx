import type { ListingDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui';

/** For the owner: what the listing's status means for its visibility, and a rejection's reason. */
export function ListingStatusNote({ listing }: { listing: Pick<ListingDto, 'status' | 'rejectionReason'> }) {
  const { t } = useTranslation();
  switch (listing.status) {
    case 'draft':
      return <Alert tone="info">{t('listing.statusNotes.draft')}</Alert>;
    case 'pending_review':
      return <Alert tone="info">{t('listing.statusNotes.pending_review')}</Alert>;
    case 'archived':
      return <Alert tone="info">{t('listing.statusNotes.archived')}</Alert>;
    case 'rejected':
      return (
        <Alert tone="warning" title={t('listing.statusNotes.rejected')}>
          {listing.rejectionReason && <p>{t('listing.rejectionReason', { reason: listing.rejectionReason })}</p>}
        </Alert>
      );
    default:
      return null;
  }
}
