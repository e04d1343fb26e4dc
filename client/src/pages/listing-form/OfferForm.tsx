import { ipStatuses, ipTypes, type ListingPolicies, type OfferDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/useAuth';
import { listingHref } from '../../components/listings/ListingCard';
import { LockIcon } from '../../components/listings/LockIcon';
import { Alert, Field, Select } from '../../components/ui';
import { codeOptions } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { DraftNotice } from './DraftNotice';
import { FormActions } from './FormActions';
import { AmountField } from './fields/AmountField';
import { ApplicationsField } from './fields/ApplicationsField';
import { ClassificationFields, TransferModesField } from './fields/ClassificationFields';
import { LangField, TranslationFields } from './fields/LanguageFields';
import { TextField } from './fields/TextField';
import { TrlField } from './fields/TrlField';
import {
  emptyOfferValues,
  offerErrors,
  offerFieldOrder,
  offerValuesFrom,
  validateNewOffer,
  validateOfferChanges,
} from './offerForm';
import { useListingForm } from './useListingForm';

export interface OfferFormProps {
  listing?: OfferDto;
  policies?: ListingPolicies;
}

export function OfferForm({ listing, policies }: OfferFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { organization } = useAuth();
  const { form, onSubmit, onKeyDown, draft, pending, errorText, formError, saved } = useListingForm({
    type: 'offer',
    listing,
    initial: () => (listing ? offerValuesFrom(listing) : emptyOfferValues(organization?.province)),
    valuesFrom: (dto) => offerValuesFrom(dto as OfferDto),
    order: offerFieldOrder,
    validateNew: validateNewOffer,
    validateChanges: validateOfferChanges,
    serverErrors: (fields) => offerErrors(fields),
  });
  const { values, set, error } = form;

  return (
    <form className="form listing-form" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
      <DraftNotice restoredAt={draft.restoredAt} onDiscard={draft.discard} />
      {saved && (
        <Alert tone="success" live>
          {t('listingForm.saved')}
        </Alert>
      )}
      {errorText && <Alert tone="error">{errorText}</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <p className="form__note">{t('listingForm.requiredNote')}</p>

      <fieldset className="form__section">
        <legend className="form__legend">{t('listingForm.sections.general')}</legend>
        <LangField form={form} />
        <TextField
          form={form}
          name="title"
          lang={values.lang}
          label={t('listingForm.fields.offerTitle')}
          hint={t('listingForm.hints.title')}
          required
        />
        <TextField
          form={form}
          name="summary"
          lang={values.lang}
          label={t('listingForm.fields.summary')}
          hint={t('listingForm.hints.summary')}
          rows={4}
          required
        />
        <TextField
          form={form}
          name="description"
          lang={values.lang}
          label={t('listingForm.fields.description')}
          hint={t('listingForm.hints.description')}
          rows={8}
        />
        <TranslationFields form={form} />
      </fieldset>

      <fieldset className="form__section">
        <legend className="form__legend">{t('listingForm.sections.classification')}</legend>
        <ClassificationFields form={form} />
      </fieldset>

      <fieldset className="form__section">
        <legend className="form__legend">{t('listingForm.sections.technology')}</legend>
        <TrlField
          name="trl"
          label={t('listingForm.fields.trl')}
          hint={t('listingForm.hints.trl')}
          value={values.trl}
          onChange={(v) => set('trl', v)}
          error={error('trl')}
          required
        />
        <div className="form__row">
          <Field name="ip.type" label={t('listingForm.fields.ipType')} error={error('ip.type')} required>
            {(control) => (
              <Select
                {...control}
                options={codeOptions(ipTypes, lang)}
                placeholder={t('listingForm.placeholders.choose')}
                value={values['ip.type']}
                onChange={(e) => set('ip.type', e.target.value)}
              />
            )}
          </Field>
          <Field name="ip.status" label={t('listingForm.fields.ipStatus')} error={error('ip.status')} required>
            {(control) => (
              <Select
                {...control}
                options={codeOptions(ipStatuses, lang)}
                placeholder={t('listingForm.placeholders.choose')}
                value={values['ip.status']}
                onChange={(e) => set('ip.status', e.target.value)}
              />
            )}
          </Field>
        </div>
        <TextField
          form={form}
          name="ip.number"
          label={t('listingForm.fields.ipNumber')}
          hint={t('listingForm.hints.ipNumber')}
        />
      </fieldset>

      <fieldset className="form__section">
        <legend className="form__legend">{t('listingForm.sections.transfer')}</legend>
        <TransferModesField form={form} hint={t('listingForm.hints.transferModesOffer')} />
        <div className="form__row">
          <AmountField
            name="price.min"
            label={t('listingForm.fields.priceMin')}
            value={values['price.min']}
            currency={values['price.currency']}
            onChange={(v) => set('price.min', v)}
            error={error('price.min')}
          />
          <AmountField
            name="price.max"
            label={t('listingForm.fields.priceMax')}
            value={values['price.max']}
            currency={values['price.currency']}
            onChange={(v) => set('price.max', v)}
            error={error('price.max')}
          />
        </div>
        <label className="choice choice--standalone">
          <input
            id="field-price-negotiable"
            type="checkbox"
            className="choice__input"
            checked={values['price.negotiable']}
            onChange={(e) => set('price.negotiable', e.target.checked)}
            aria-describedby="price-negotiable-hint"
          />
          <span className="choice__label">{t('listingForm.fields.negotiable')}</span>
        </label>
        <p className="field__hint" id="price-negotiable-hint">
          {t('listingForm.hints.negotiable')}
        </p>
        <ApplicationsField
          value={values.applications}
          onChange={(v) => set('applications', v)}
          error={error('applications')}
        />
      </fieldset>

      <fieldset className="form__section form__section--confidential">
        <legend className="form__legend form__legend--lock">
          <LockIcon />
          {t('listingForm.sections.confidential')}
        </legend>
        <Alert tone="info">{t('listingForm.hints.confidentialBox')}</Alert>
        <TextField
          form={form}
          name="confidential.details"
          label={t('listingForm.fields.confidential')}
          hint={t('listingForm.hints.confidential')}
          rows={6}
        />
      </fieldset>

      <FormActions
        canPublish={!listing || !!policies?.publish}
        isNew={!listing}
        pending={pending}
        cancelHref={listing ? listingHref('offer', listing.id) : '/app'}
      />
    </form>
  );
}
