import { useMutation } from '@tanstack/react-query';
import { optionalReasonSchema } from '@techbridge/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccountStatus, type SuspensionTarget, setSuspended } from '../../api/admin';
import { isApiError } from '../../api/errors';
import { Badge, ConfirmDialog, Field, fieldId, Textarea } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { validate } from '../../forms/validate';

/** "Đang hoạt động" / "Đã tạm khóa" (or "Chưa rõ" while an organisation's status is not known). */
export function AccountStatusBadge({ status }: { status: AccountStatus | 'unknown' }) {
  const { t } = useTranslation();
  const tone = status === 'active' ? 'success' : status === 'suspended' ? 'danger' : 'neutral';
  return <Badge tone={tone}>{t(`admin.accounts.status.${status}`)}</Badge>;
}

export interface SuspendSubject {
  kind: SuspensionTarget;
  id: string;
  name: string;
  /** Users only: shown in the confirmation. */
  email?: string;
}

export interface SuspendDialogProps {
  /** Who is about to be suspended; null keeps the dialog closed. */
  subject: SuspendSubject | null;
  onClose: () => void;
  onSuspended: (subject: SuspendSubject) => void;
}

const REASON_FIELD = 'suspend-reason';

/** Confirmation before suspending a user or an organisation, with an optional reason for the audit log. */
export function SuspendDialog({ subject, onClose, onSuspended }: SuspendDialogProps) {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const { reset: resetErrors, setServerErrors } = errors;
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: ({ target, text }: { target: SuspendSubject; text?: string }) =>
      setSuspended(target.kind, target.id, true, text),
    onSuccess: (_res, { target }) => onSuspended(target),
    onError: (error) => {
      if (isApiError(error) && error.fields.reason) setServerErrors({ [REASON_FIELD]: error.fields.reason });
    },
  });
  const { reset: resetMutation } = mutation;

  // A fresh form for each subject.
  const subjectId = subject?.id;
  useEffect(() => {
    if (!subjectId) return;
    setReason('');
    resetErrors();
    resetMutation();
  }, [subjectId, resetErrors, resetMutation]);

  function confirm() {
    if (!subject) return;
    const result = validate(optionalReasonSchema, reason.trim() ? { reason } : {});
    if (!result.ok) {
      errors.setClientErrors({ [REASON_FIELD]: result.errors.reason ?? 'invalid_type' });
      document.getElementById(fieldId(REASON_FIELD))?.focus();
      return;
    }
    mutation.mutate({ target: subject, text: result.data.reason });
  }

  const failure =
    mutation.error && !(isApiError(mutation.error) && mutation.error.fields.reason)
      ? describeApiError(mutation.error, t, { notFound: t('admin.accounts.notFound') })
      : null;

  return (
    <ConfirmDialog
      open={subject !== null}
      title={t('admin.accounts.confirmTitle', { name: subject?.name ?? '' })}
      confirmLabel={t('admin.accounts.confirm')}
      loading={mutation.isPending}
      error={failure}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p>
        {subject?.kind === 'users'
          ? t('admin.accounts.confirmUserBody', { name: subject.name, email: subject.email ?? '' })
          : t('admin.accounts.confirmOrgBody', { name: subject?.name ?? '' })}
      </p>
      <Field
        name={REASON_FIELD}
        label={
          <>
            {t('admin.accounts.reasonLabel')} <span className="field__optional">{t('forms.optional')}</span>
          </>
        }
        hint={t('admin.accounts.reasonHint')}
        error={errors.messageFor(REASON_FIELD)}
      >
        {(control) => (
          <Textarea
            {...control}
            rows={3}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              errors.clear(REASON_FIELD);
            }}
          />
        )}
      </Field>
    </ConfirmDialog>
  );
}
