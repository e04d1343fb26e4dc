import { useMutation } from '@tanstack/react-query';
import type { DemandInput, DemandUpdate, ListingDto, ListingType, OfferInput, OfferUpdate } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/errors';
import { createListing, type ListingResponse, publishListing, updateListing } from '../../api/listings';
import { listingHref } from '../../components/listings/ListingCard';
import { describeApiError } from '../../forms/describeApiError';
import { useListingCache } from '../../lib/useListingCache';
import { type ListingNoticeState, publishNotice } from '../listing/notices';
import { editHref } from '../listing/OwnerActions';

export type SubmitIntent = 'draft' | 'publish';

export type SubmitBody =
  | { kind: 'create'; input: OfferInput | DemandInput }
  | { kind: 'update'; patch: OfferUpdate | DemandUpdate };

/** Publishing failed after the listing itself was saved. */
class PublishFailed extends Error {
  constructor(
    readonly saved: ListingResponse,
    readonly reason: unknown,
  ) {
    super('publish failed');
  }
}

export interface SubmitCallbacks {
  /** Saved without leaving the page (an edit saved as draft, or a failed publish after saving). */
  onSaved: (result: ListingResponse | null) => void;
  /** The listing was stored (created or changed), whatever happens next: what was typed is safe. */
  onStored?: () => void;
  /** The server refused some fields; their messages by path. */
  onFieldErrors: (fields: Record<string, string>) => void;
}

/**
 * "Save draft" = POST (new) or PATCH (changes only); "Publish" = the same,
 * then POST …/publish. Navigates to the result: the edit page after creating
 * a draft (to add attachments), the listing after publishing.
 */
export function useListingSubmit(type: ListingType, listing: ListingDto | undefined, callbacks: SubmitCallbacks) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cache = useListingCache();

  const mutation = useMutation({
    mutationFn: async ({ body, intent }: { body: SubmitBody; intent: SubmitIntent }) => {
      let saved: ListingResponse | null = null;
      if (body.kind === 'create') saved = await createListing(type, body.input);
      else if (Object.keys(body.patch).length > 0 && listing) saved = await updateListing(type, listing.id, body.patch);
      if (saved) cache.stored(saved);
      if (intent === 'draft') return { saved, published: null };
      const id = saved?.data.id ?? listing?.id;
      if (!id) throw new Error('Nothing to publish');
      try {
        return { saved, published: await publishListing(type, id) };
      } catch (reason) {
        if (saved) throw new PublishFailed(saved, reason);
        throw reason;
      }
    },
    onSuccess: ({ saved, published }) => {
      callbacks.onStored?.();
      if (published) {
        cache.stored(published);
        const state: ListingNoticeState = { notice: publishNotice(published.data.status) };
        navigate(listingHref(type, published.data.id), { state });
      } else if (!listing && saved) {
        const state: ListingNoticeState = { notice: 'created' };
        navigate(editHref(saved.data), { replace: true, state });
      } else {
        callbacks.onSaved(saved);
      }
    },
    onError: (error) => {
      if (error instanceof PublishFailed) {
        callbacks.onStored?.();
        const reason = t('listingForm.publishFailed', { reason: describeApiError(error.reason, t) });
        if (!listing) {
          const state: ListingNoticeState = { notice: 'created', error: reason };
          navigate(editHref(error.saved.data), { replace: true, state });
        } else {
          callbacks.onSaved(error.saved);
        }
        return;
      }
      if (isApiError(error) && error.status === 400 && error.hasFieldErrors) callbacks.onFieldErrors(error.fields);
    },
  });

  const failure = mutation.error instanceof PublishFailed ? mutation.error.reason : mutation.error;
  const errorText = failure
    ? mutation.error instanceof PublishFailed
      ? t('listingForm.publishFailed', { reason: describeApiError(failure, t) })
      : describeApiError(failure, t)
    : null;

  return { mutation, errorText };
}
