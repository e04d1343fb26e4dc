import { useMutation } from '@tanstack/react-query';
import type { ListingDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { openDeal } from '../../api/deals';
import { isApiError } from '../../api/errors';
import type { FromState } from '../../auth/redirect';
import { useAuth } from '../../auth/useAuth';
import { Alert, Button, ButtonLink } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';

/**
 * "Express interest": opens a deal with the listing's organisation. Shown to
 * signed-in members of other organisations; guests are invited to sign in.
 */
export function ExpressInterest({ listing }: { listing: ListingDto }) {
  const { t } = useTranslation();
  const { status, organization } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const deal = useMutation({
    mutationFn: () => openDeal(listing.type === 'offer' ? { offerId: listing.id } : { demandId: listing.id }),
    onSuccess: ({ id }) => navigate(`/deals/${id}`),
  });

  if (listing.status !== 'published') return null;

  if (status !== 'authenticated') {
    const state: FromState = { from: location };
    return (
      <div className="interest">
        <ButtonLink to="/login" state={state} size="lg" block>
          {t('listing.interest.signIn')}
        </ButtonLink>
        <p className="interest__note">{t('listing.interest.signInNote')}</p>
      </div>
    );
  }
  // Own listings get owner actions instead; accounts without an organisation cannot trade.
  if (!organization || organization.id === listing.organization.id) return null;

  return (
    <div className="interest">
      <Button size="lg" block loading={deal.isPending} onClick={() => deal.mutate()}>
        {t('listing.interest.button')}
      </Button>
      <p className="interest__note">
        {t(listing.type === 'offer' ? 'listing.interest.noteOffer' : 'listing.interest.noteDemand')}
      </p>
      {deal.isError && (
        <Alert tone="error">
          {isApiError(deal.error) && deal.error.status === 404
            ? t('listing.interest.unavailable')
            : describeApiError(deal.error, t)}
        </Alert>
      )}
    </div>
  );
}
