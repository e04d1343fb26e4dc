import { useMutation } from '@tanstack/react-query';
import { reasonSchema } from '@techbridge/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { type ApiErrorMessages, describeApiError } from '../../forms/describeApiError';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { validate } from '../../forms/validate';
import { Alert, Button, Field, fieldId, Textarea } from '../ui';

export interface DecisionLabels {
  approve: string;
  reject: string;
  rejectSubmit: string;
  reasonLabel: string;
  reasonHint: string;
  /** Accessible names that say what is decided (they should start with the visible text). */
  approveNamed?: string;
  rejectNamed?: string;
}

export interface DecisionActionsProps<T> {
  /** Unique on the page: builds the reason field's id. */
  id: string;
  approve: () => Promise<T>;
  reject: (reason: string) => Promise<T>;
  onDone?: (outcome: 'approved' | 'rejected', result: T) => void;
  /** Any failure of either action (it is also shown above the buttons). */
  onError?: (error: unknown) => void;
  /** Defaults to the listing moderation wording. */
  labels?: Partial<DecisionLabels>;
  /** Wording for 404/409 answers and the like (see describeApiError). */
  errorMessages?: ApiErrorMessages;
}

/**
 * Approve, or reject with a reason the other side will read: the one
 * approve/reject-with-reason control of the admin area (listings, verification
 * requests). The reason follows the shared reasonSchema (5–1,000 characters).
 */
export function DecisionActions<T>({
  id,
  approve,
  reject,
  onDone,
  onError,
  labels,
  errorMessages,
}: DecisionActionsProps<T>) {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const reasonField = `reject-reason-${id}`;
  const text: DecisionLabels = {
    approve: t('moderation.approve'),
    reject: t('moderation.reject'),
    rejectSubmit: t('moderation.rejectSubmit'),
    reasonLabel: t('moderation.reasonLabel'),
    reasonHint: t('moderation.reasonHint'),
    ...labels,
  };

  const approval = useMutation({
    mutationFn: approve,
    onSuccess: (result) => onDone?.('approved', result),
    onError: (error) => onError?.(error),
  });
  const rejection = useMutation({
    mutationFn: (why: string) => reject(why),
    onSuccess: (result) => onDone?.('rejected', result),
    onError: (error) => {
      if (isApiError(error) && error.fields.reason) errors.setServerErrors({ [reasonField]: error.fields.reason });
      onError?.(error);
    },
  });

  useEffect(() => {
    if (rejecting) document.getElementById(fieldId(reasonField))?.focus();
  }, [rejecting, reasonField]);

  function submitReject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(reasonSchema, { reason });
    if (!result.ok) {
      errors.setClientErrors({ [reasonField]: reason.trim() ? result.errors.reason : 'required' });
      document.getElementById(fieldId(reasonField))?.focus();
      return;
    }
    errors.reset();
    rejection.mutate(result.data.reason);
  }

  const failure = approval.error ?? rejection.error;
  const busy = approval.isPending || rejection.isPending;

  return (
    <div className="moderation">
      {failure && !(isApiError(failure) && failure.fields.reason) && (
        <Alert tone="error">{describeApiError(failure, t, errorMessages)}</Alert>
      )}
      {rejecting ? (
        <form className="form form--compact" noValidate onSubmit={submitReject}>
          <Field
            name={reasonField}
            label={text.reasonLabel}
            hint={text.reasonHint}
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
            <Button type="submit" variant="danger" loading={rejection.isPending}>
              {text.rejectSubmit}
            </Button>
            <Button variant="ghost" disabled={rejection.isPending} onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <Button
            loading={approval.isPending}
            disabled={busy}
            aria-label={text.approveNamed}
            onClick={() => approval.mutate()}
          >
            {text.approve}
          </Button>
          <Button variant="secondary" disabled={busy} aria-label={text.rejectNamed} onClick={() => setRejecting(true)}>
            {text.reject}
          </Button>
        </div>
      )}
    </div>
  );
}
