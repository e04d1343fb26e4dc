import { useMutation } from '@tanstack/react-query';
import type { ListingDto } from '@techbridge/shared';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { openDeal } from '../../api/deals';
import { isApiError } from '../../api/errors';
import type { FromState } from '../../auth/redirect';
import { useAuth } from '../../auth/useAuth';
import { Alert, Button, ButtonLink } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';

/** The introduction form (and the schema it validates with) loads when it is first opened. */
const IntroductionDialog = lazy(() =>
  import('../../components/deals/IntroductionDialog').then((m) => ({ default: m.IntroductionDialog })),
);

/**
 * Contacting a listing's organisation. On an offer, "express interest" asks
 * for an introduction, then opens the deal with it; on a demand, the answer
 * is a structured proposal (its own page). Guests are invited to sign in.
 */
export function ExpressInterest({ listing }: { listing: ListingDto }) {
  const { t } = useTranslation();
  const { status, organization } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [writing, setWriting] = useState(false);
  // Once opened, the dialog stays mounted so that closing it behaves as any dialog's.
  const [opened, setOpened] = useState(false);
  if (writing && !opened) setOpened(true);
  const deal = useMutation({
    mutationFn: (message: string) => openDeal({ offerId: listing.id }, message),
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

  if (listing.type === 'demand') {
    return (
      <div className="interest">
        <ButtonLink to={`/demands/${listing.id}/propose`} size="lg" block>
          {t('listing.interest.propose')}
        </ButtonLink>
        <p className="interest__note">{t('listing.interest.noteDemand')}</p>
      </div>
    );
  }

  return (
    <div className="interest">
      <Button
        size="lg"
        block
        onClick={() => {
          deal.reset();
          setWriting(true);
        }}
      >
        {t('listing.interest.button')}
      </Button>
      <p className="interest__note">{t('listing.interest.noteOffer')}</p>
      {deal.isError && !writing && (
        <Alert tone="error">
          {isApiError(deal.error) && deal.error.status === 404
            ? t('listing.interest.unavailable')
            : describeApiError(deal.error, t)}
        </Alert>
      )}
      {opened && (
        <Suspense fallback={null}>
          <IntroductionDialog
            open={writing}
            to={listing.organization.name}
            pending={deal.isPending}
            error={deal.error}
            onCancel={() => setWriting(false)}
            onSubmit={(message) => deal.mutate(message)}
          />
        </Suspense>
      )}
    </div>
  );
}
