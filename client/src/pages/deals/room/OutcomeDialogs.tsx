import { outcomeSchema, transferModes } from '@techbridge/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealOutcomeInput } from '../../../api/deals';
import { isApiError } from '../../../api/errors';
import { Alert, Button, DateField, Field, Input, Modal, Select, Textarea } from '../../../components/ui';
import { describeApiError } from '../../../forms/describeApiError';
import { focusFirstError } from '../../../forms/focusFirstError';
import { useFieldErrors } from '../../../forms/useFieldErrors';
import { validate } from '../../../forms/validate';
import { formatMoney } from '../../../lib/format';
import { codeOptions } from '../../../lib/taxonomy';
import { useLang } from '../../../lib/useLang';

interface DialogProps<T> {
  open: boolean;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (value: T) => void;
}

const order = ['contractType', 'valueVnd', 'date', 'note'];
const today = () => new Date().toISOString().slice(0, 10);

/** Closing a deal as won: the contract's type (a transfer mode), value in VND, date and an optional note. */
export function WonDialog({ open, pending, error, onCancel, onSubmit }: DialogProps<DealOutcomeInput>) {
  const { t } = useTranslation();
  const lang = useLang();
  const errors = useFieldErrors();
  const { reset: resetErrors, setServerErrors } = errors;
  const [values, setValues] = useState({ contractType: '', valueVnd: '', date: today(), note: '' });

  useEffect(() => {
    if (open) resetErrors();
  }, [open, resetErrors]);

  // Field messages from the server come as "outcome.valueVnd".
  useEffect(() => {
    if (!isApiError(error) || !error.hasFieldErrors) return;
    const texts: Record<string, string> = {};
    for (const [path, message] of Object.entries(error.fields)) texts[path.replace(/^outcome\./, '')] = message;
    setServerErrors(texts);
    focusFirstError(order, Object.keys(texts));
  }, [error, setServerErrors]);

  const set = (name: keyof typeof values, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    errors.clear(name);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const digits = values.valueVnd.replace(/[^\d]/g, '');
    const input = {
      contractType: values.contractType,
      valueVnd: digits ? Number(digits) : undefined,
      date: values.date,
      ...(values.note.trim() ? { note: values.note.trim() } : {}),
    };
    const result = validate(outcomeSchema, input);
    if (!result.ok) {
      // An empty field is "required", not "invalid".
      const keys = { ...result.errors };
      if (!values.contractType) keys.contractType = 'required';
      if (!digits) keys.valueVnd = 'required';
      if (!values.date) keys.date = 'required';
      errors.setClientErrors(keys);
      focusFirstError(order, Object.keys(keys));
      return;
    }
    onSubmit(result.data);
  }

  const amount = Number(values.valueVnd.replace(/[^\d]/g, ''));
  const generalError = error && !(isApiError(error) && error.hasFieldErrors) ? describeApiError(error, t) : null;

  return (
    <Modal
      open={open}
      title={t('deals.won.title')}
      onClose={onCancel}
      onSubmit={submit}
      busy={pending}
      actions={
        <>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('deals.won.submit')}
          </Button>
        </>
      }
    >
      <p className="muted">{t('deals.won.lead')}</p>
      {generalError && <Alert tone="error">{generalError}</Alert>}
      <Field name="contractType" label={t('deals.won.contractType')} error={errors.messageFor('contractType')} required>
        {(props) => (
          <Select
            {...props}
            value={values.contractType}
            placeholder={t('listingForm.placeholders.choose')}
            options={codeOptions(transferModes, lang)}
            onChange={(e) => set('contractType', e.target.value)}
          />
        )}
      </Field>
      <Field
        name="valueVnd"
        label={t('deals.won.value')}
        hint={
          amount > 0 ? t('listingForm.hints.amountEquals', { amount: formatMoney(amount) }) : t('deals.won.valueHint')
        }
        error={errors.messageFor('valueVnd')}
        required
      >
        {(props) => (
          <Input
            {...props}
            inputMode="numeric"
            autoComplete="off"
            value={values.valueVnd}
            onChange={(e) => set('valueVnd', e.target.value)}
          />
        )}
      </Field>
      <Field name="date" label={t('deals.won.date')} error={errors.messageFor('date')} required>
        {(props) => <DateField {...props} value={values.date} onChange={(iso) => set('date', iso)} />}
      </Field>
      <Field
        name="note"
        label={
          <>
            {t('deals.won.note')} <span className="field__optional">{t('forms.optional')}</span>
          </>
        }
        error={errors.messageFor('note')}
      >
        {(props) => <Textarea {...props} rows={3} value={values.note} onChange={(e) => set('note', e.target.value)} />}
      </Field>
    </Modal>
  );
}

/** Closing a deal as lost, with an optional reason. */
export function LostDialog({ open, pending, error, onCancel, onSubmit }: DialogProps<string>) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={open}
      title={t('deals.lost.title')}
      onClose={onCancel}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(reason.trim());
      }}
      busy={pending}
      actions={
        <>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="danger" loading={pending}>
            {t('deals.lost.submit')}
          </Button>
        </>
      }
    >
      <p className="muted">{t('deals.lost.lead')}</p>
      {error != null && <Alert tone="error">{describeApiError(error, t)}</Alert>}
      <Field
        name="lostReason"
        label={
          <>
            {t('deals.lost.reason')} <span className="field__optional">{t('forms.optional')}</span>
          </>
        }
      >
        {(props) => (
          <Textarea {...props} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
    </Modal>
  );
}
