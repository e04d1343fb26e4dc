import type { OfferDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { LockIcon } from '../../components/listings/LockIcon';
import { Card } from '../../components/ui';

/** The owner's view of the confidential part, clearly marked as not public. */
export function ConfidentialPanel({ confidential }: { confidential: NonNullable<OfferDto['confidential']> }) {
  const { t } = useTranslation();
  return (
    <Card as="section" className="confidential" aria-labelledby="confidential-title">
      <h2 className="confidential__title" id="confidential-title">
        <LockIcon />
        {t('listing.confidential.title')}
      </h2>
      <p className="confidential__note">{t('listing.confidential.ownerNote')}</p>
      {confidential.details ? (
        <p className="prose">{confidential.details}</p>
      ) : (
        <p className="muted">{t('listing.confidential.empty')}</p>
      )}
    </Card>
  );
}

/** What everyone else sees: details exist and how to get them. */
export function ConfidentialLocked() {
  const { t } = useTranslation();
  return (
    <section className="confidential confidential--locked" aria-labelledby="confidential-title">
      <h2 className="confidential__title" id="confidential-title">
        <LockIcon />
        {t('listing.confidential.lockedTitle')}
      </h2>
      <p>{t('listing.confidential.lockedBody')}</p>
    </section>
  );
}
