import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { requestVerification, type VerificationDto } from '../../api/verification';
import { Alert, Button, type ControlProps, Field, Input, Textarea } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { focusFirstError } from '../../forms/focusFirstError';
import { useFieldErrors } from '../../forms/useFieldErrors';
import {
  verificationFieldName as fieldName,
  verificationFieldOrder as fieldOrder,
  splitServerFieldErrors,
  type VerificationField,
  type VerificationValues,
  validateVerification,
  verificationValuesFrom,
} from './verificationForm';

export interface VerificationFormProps {
  /** A rejected request whose details prefill the form. */
  previous: VerificationDto | null;
  onCreated: (request: VerificationDto) => void;
  onConflict: () => void;
}

/** Registration details for a new request, checked with the server's schema before sending. */
export function VerificationForm({ previous, onCreated, onConflict }: VerificationFormProps) {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const [values, setValues] = useState<VerificationValues>(() => verificationValuesFrom(previous));

  const mutation = useMutation({
    mutationFn: requestVerification,
    onSuccess: (res) => onCreated(res.data),
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.status === 409) onConflict();
      if (error.status === 400 && error.hasFieldErrors) {
        const { byField } = splitServerFieldErrors(error.fields);
        errors.setServerErrors(byField);
        focusFirstError(fieldOrder.map(fieldName), Object.keys(byField));
      }
    },
  });

  function set(field: VerificationField, value: string) {
    setValues((prev) => ({ ...prev, [field]: value }));
    errors.clear(fieldName(field));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.reset();
    const result = validateVerification(values);
    if (!result.ok) {
      errors.setClientErrors(result.errors);
      focusFirstError(fieldOrder.map(fieldName), Object.keys(result.errors));
      return;
    }
    errors.reset();
    mutation.mutate(result.data);
  }

  /** What the fields cannot show: a conflict, a refusal, or field messages for paths the form lacks. */
  function generalError(): string | null {
    const error = mutation.error;
    if (!error) return null;
    if (isApiError(error) && error.status === 400 && error.hasFieldErrors) {
      const { other } = splitServerFieldErrors(error.fields);
      return other.length ? other.join(' ') : null;
    }
    return describeApiError(error, t, {
      conflict: t('verification.errors.pending'),
      forbidden: t('verification.notOwner'),
    });
  }
  const failure = generalError();

  const optional = <span className="field__optional">{t('forms.optional')}</span>;
  const control =
    (field: VerificationField, extra: { rows?: number; type?: 'text' | 'url'; inputMode?: 'numeric' }) =>
    (props: ControlProps) =>
      extra.rows ? (
        <Textarea {...props} rows={extra.rows} value={values[field]} onChange={(e) => set(field, e.target.value)} />
      ) : (
        <Input
          {...props}
          type={extra.type ?? 'text'}
          inputMode={extra.inputMode}
          value={values[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      );

  return (
    <form className="form verification__form" noValidate onSubmit={submit} aria-labelledby="verification-form-title">
      <h3 className="verification__heading" id="verification-form-title">
        {previous ? t('verification.formTitleAgain') : t('verification.formTitle')}
      </h3>
      {failure && <Alert tone="error">{failure}</Alert>}
      <div className="form__row">
        <Field
          name={fieldName('registrationNumber')}
          label={t('verification.fields.registrationNumber')}
          hint={t('verification.hints.registrationNumber')}
          error={errors.messageFor(fieldName('registrationNumber'))}
          required
        >
          {control('registrationNumber', {})}
        </Field>
        <Field
          name={fieldName('taxCode')}
          label={
            <>
              {t('verification.fields.taxCode')} {optional}
            </>
          }
          hint={t('verification.hints.taxCode')}
          error={errors.messageFor(fieldName('taxCode'))}
        >
          {control('taxCode', { inputMode: 'numeric' })}
        </Field>
      </div>
      <Field
        name={fieldName('address')}
        label={t('verification.fields.address')}
        hint={t('verification.hints.address')}
        error={errors.messageFor(fieldName('address'))}
        required
      >
        {control('address', {})}
      </Field>
      <Field
        name={fieldName('website')}
        label={
          <>
            {t('verification.fields.website')} {optional}
          </>
        }
        hint={t('verification.hints.website')}
        error={errors.messageFor(fieldName('website'))}
      >
        {control('website', { type: 'url' })}
      </Field>
      <Field
        name={fieldName('note')}
        label={
          <>
            {t('verification.fields.note')} {optional}
          </>
        }
        hint={t('verification.hints.note')}
        error={errors.messageFor(fieldName('note'))}
      >
        {control('note', { rows: 3 })}
      </Field>
      <p className="form__note">{t('verification.documentsAfter')}</p>
      <div className="button-row">
        <Button type="submit" loading={mutation.isPending}>
          {t('verification.submit')}
        </Button>
      </div>
    </form>
  );
}
