import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui';
import type { ListingNotice } from './notices';

/** The outcome of the last action on a listing, in words. */
export function NoticeAlert({ notice }: { notice: ListingNotice }) {
  const { t } = useTranslation();
  const tone = notice === 'pending_review' ? 'info' : 'success';
  return (
    <Alert tone={tone} live title={t(`listing.notices.${notice}.title`)}>
      {t(`listing.notices.${notice}.body`)}
    </Alert>
  );
}
