import { useMutation, useQuery } from '@tanstack/react-query';
import { proposalSchema } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { submitProposal, uploadProposalFile } from '../../api/deals';
import { getMyListings } from '../../api/listings';
import { queryKeys } from '../../api/queryKeys';
import { Alert, Button, Field, Input, PageLoader, Select, Textarea } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { focusFirstError } from '../../forms/focusFirstError';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { validate } from '../../forms/validate';
import { formatMoney } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useListing } from '../listing/useListing';

const order = ['approach', 'priceMinVnd', 'priceMaxVnd', 'timelineMonths', 'trl', 'trlEvidence', 'offerId', 'message'];
const digits = (v: string) => v.replace(/[^\d]/g, '');

/** /demands/:id/propose — answering a demand with a structured proposal (opens the deal with it). */
export function ProposalFormPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const demand = useListing('demand', id);
  usePageTitle(t('proposals.form.title'));
  const errors = useFieldErrors();
  const offers = useQuery({
    queryKey: queryKeys.mine('offer'),
    queryFn: ({ signal }) => getMyListings('offer', 'published', signal),
  });
  const [values, setValues] = useState({
    approach: '',
    priceMinVnd: '',
    priceMaxVnd: '',
    timelineMonths: '',
    trl: '',
    trlEvidence: '',
    offerId: '',
    message: '',
  });
  const [files, setFiles] = useState<File[]>([]);
  const send = useMutation({
    mutationFn: async (input: Parameters<typeof submitProposal>[0]) => {
      const deal = await submitProposal(input);
      for (const file of files) await uploadProposalFile(deal.id, file);
      return deal;
    },
    onSuccess: (deal) => navigate(`/deals/${deal.id}`),
    onError: (error) => {
      const fields = (error as { fields?: Record<string, string> }).fields;
      if (fields) {
        errors.setServerErrors(fields);
        focusFirstError(order, Object.keys(fields));
      }
    },
  });
  const set = (name: keyof typeof values, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    errors.clear(name);
  };

  if (demand.isPending) return <PageLoader />;
  const title = demand.data?.data.title ?? '';

  function submit(event: FormEvent) {
    event.preventDefault();
    const num = (v: string) => (digits(v) ? Number(digits(v)) : undefined);
    const input = {
      demandId: id,
      approach: values.approach,
      priceMinVnd: num(values.priceMinVnd),
      priceMaxVnd: num(values.priceMaxVnd),
      timelineMonths: num(values.timelineMonths),
      trl: num(values.trl),
      trlEvidence: values.trlEvidence,
      ...(values.offerId ? { offerId: values.offerId } : {}),
      ...(values.message.trim() ? { message: values.message.trim() } : {}),
    };
    const result = validate(proposalSchema, input);
    if (!result.ok) {
      errors.setClientErrors(result.errors);
      focusFirstError(order, Object.keys(result.errors));
      return;
    }
    send.mutate(result.data);
  }

  const money = (name: 'priceMinVnd' | 'priceMaxVnd') => {
    const amount = Number(digits(values[name]));
    return amount > 0 ? t('listingForm.hints.amountEquals', { amount: formatMoney(amount) }) : undefined;
  };

  return (
    <div className="container page page--narrow">
      <p className="breadcrumb">
        <Link to={`/demands/${id}`}>
          <span aria-hidden="true">‹ </span>
          {title}
        </Link>
      </p>
      <header className="page-intro">
        <h1 className="page-header__title">{t('proposals.form.title')}</h1>
        <p className="page-header__subtitle">{t('proposals.form.lead', { title })}</p>
      </header>
      <form className="card card--padded form-card" noValidate onSubmit={submit}>
        {send.isError && !(send.error as { fields?: unknown }).fields && (
          <Alert tone="error">{describeApiError(send.error, t)}</Alert>
        )}
        <Field
          name="approach"
          label={t('proposals.fields.approach')}
          hint={t('proposals.hints.approach')}
          error={errors.messageFor('approach')}
          required
        >
          {(p) => (
            <Textarea {...p} rows={6} value={values.approach} onChange={(e) => set('approach', e.target.value)} />
          )}
        </Field>
        <div className="form-grid">
          <Field
            name="priceMinVnd"
            label={t('proposals.fields.priceMin')}
            hint={money('priceMinVnd')}
            error={errors.messageFor('priceMinVnd')}
          >
            {(p) => (
              <Input
                {...p}
                inputMode="numeric"
                value={values.priceMinVnd}
                onChange={(e) => set('priceMinVnd', e.target.value)}
              />
            )}
          </Field>
          <Field
            name="priceMaxVnd"
            label={t('proposals.fields.priceMax')}
            hint={money('priceMaxVnd')}
            error={errors.messageFor('priceMaxVnd')}
          >
            {(p) => (
              <Input
                {...p}
                inputMode="numeric"
                value={values.priceMaxVnd}
                onChange={(e) => set('priceMaxVnd', e.target.value)}
              />
            )}
          </Field>
          <Field
            name="timelineMonths"
            label={t('proposals.fields.timeline')}
            error={errors.messageFor('timelineMonths')}
            required
          >
            {(p) => (
              <Input
                {...p}
                inputMode="numeric"
                value={values.timelineMonths}
                onChange={(e) => set('timelineMonths', e.target.value)}
              />
            )}
          </Field>
          <Field name="trl" label={t('proposals.fields.trl')} error={errors.messageFor('trl')} required>
            {(p) => (
              <Select
                {...p}
                value={values.trl}
                placeholder={t('listingForm.placeholders.choose')}
                options={Array.from({ length: 9 }, (_, i) => ({ value: String(i + 1), label: `TRL ${i + 1}` }))}
                onChange={(e) => set('trl', e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field
          name="trlEvidence"
          label={t('proposals.fields.trlEvidence')}
          hint={t('proposals.hints.trlEvidence')}
          error={errors.messageFor('trlEvidence')}
          required
        >
          {(p) => (
            <Textarea {...p} rows={3} value={values.trlEvidence} onChange={(e) => set('trlEvidence', e.target.value)} />
          )}
        </Field>
        <Field
          name="offerId"
          label={t('proposals.fields.offer')}
          hint={t('proposals.hints.offer')}
          error={errors.messageFor('offerId')}
        >
          {(p) => (
            <Select
              {...p}
              value={values.offerId}
              placeholder={t('proposals.noOffer')}
              options={(offers.data?.data ?? []).map((o) => ({ value: o.id, label: o.title }))}
              onChange={(e) => set('offerId', e.target.value)}
            />
          )}
        </Field>
        <Field name="files" label={t('proposals.fields.files')} hint={t('proposals.hints.files')}>
          {(p) => (
            <input
              {...p}
              type="file"
              multiple
              className="input"
              accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg"
              onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 5))}
            />
          )}
        </Field>
        <Field name="message" label={t('proposals.fields.message')} error={errors.messageFor('message')}>
          {(p) => <Textarea {...p} rows={3} value={values.message} onChange={(e) => set('message', e.target.value)} />}
        </Field>
        <div className="form-actions">
          <Button type="submit" loading={send.isPending}>
            {t('proposals.form.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
