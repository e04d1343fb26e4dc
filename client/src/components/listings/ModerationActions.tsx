import { useMutation } from '@tanstack/react-query';
import { type ListingDto, rejectSchema } from '@techbridge/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approveListing, rejectListing } from '../../api/admin';
import { isApiError } from '../../api/errors';
import { describeApiError } from '../../forms/describeApiError';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { validate } from '../../forms/validate';
import { useListingCache } from '../../lib/useListingCache';
import { Alert, Button, Field, fieldId, Textarea } from '../ui';

export interface ModerationActionsProps {
  listing: Pick<ListingDto, 'id' | 'type' | 'title'>;
  onDone?: (outcome: 'approved' | 'rejected', listing: ListingDto) => void;
}

/** Approve, or reject with a reason the owner will read. Admins only (the server checks too). */
export function ModerationActions({ listing, onDone }: ModerationActionsProps) {
  const { t } = useTranslation();
  const cache = useListingCache();
  const errors = useFieldErrors();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const reasonField = `reject-reason-${listing.id}`;

  const approve = useMutation({
    mutationFn: () => approveListing(listing.type, listing.id),
    onSuccess: (res) => {
      cache.changed(listing.type, listing.id);
      onDone?.('approved', res.data);
    },
  });
  const reject = useMutation({
    mutationFn: (text: string) => rejectListing(listing.type, listing.id, text),
    onSuccess: (res) => {
      cache.changed(listing.type, listing.id);
      onDone?.('rejected', res.data);
    },
    onError: (error) => {
      if (isApiError(error) && error.fields.reason) errors.setServerErrors({ [reasonField]: error.fields.reason });
    },
  });

  useEffect(() => {
    if (rejecting) document.getElementById(fieldId(reasonField))?.focus();
  }, [rejecting, reasonField]);

  function submitReject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(rejectSchema, { reason });
    if (!result.ok) {
      errors.setClientErrors({ [reasonField]: reason.trim() ? result.errors.reason : 'required' });
      document.getElementById(fieldId(reasonField))?.focus();
      return;
    }
    errors.reset();
    reject.mutate(result.data.reason);
  }

  const failure = approve.error ?? reject.error;
  const busy = approve.isPending || reject.isPending;

  return (
    <div className="moderation">
      {failure && !(isApiError(failure) && failure.hasFieldErrors) && (
        <Alert tone="error">{describeApiError(failure, t)}</Alert>
      )}
      {rejecting ? (
        <form className="form form--compact" noValidate onSubmit={submitReject}>
          <Field
            name={reasonField}
            label={t('moderation.reasonLabel')}
            hint={t('moderation.reasonHint')}
            error={errors.messageFor(reasonField)}
            required
          >
            {(control) => (
              <Textarea
                {...control}
                rows={3}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  errors.clear(reasonField);
                }}
              />
            )}
          </Field>
          <div className="button-row">
            <Button type="submit" variant="danger" loading={reject.isPending}>
              {t('moderation.rejectSubmit')}
            </Button>
            <Button variant="ghost" disabled={reject.isPending} onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <Button loading={approve.isPending} disabled={busy} onClick={() => approve.mutate()}>
            {t('moderation.approve')}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => setRejecting(true)}>
            {t('moderation.reject')}
          </Button>
        </div>
      )}
    </div>
  );
}
