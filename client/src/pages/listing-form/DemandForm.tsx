import type { DemandDto, ListingPolicies } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/useAuth';
import { listingHref } from '../../components/listings/ListingCard';
import { Alert } from '../../components/ui';
import { DraftNotice } from './DraftNotice';
import {
  demandErrors,
  demandFieldOrder,
  demandValuesFrom,
  emptyDemandValues,
  validateDemandChanges,
  validateNewDemand,
} from './demandForm';
import { FormActions } from './FormActions';
import { AmountField } from './fields/AmountField';
import { ClassificationFields, TransferModesField } from './fields/ClassificationFields';
import { LangField, TranslationFields } from './fields/LanguageFields';
import { TextField } from './fields/TextField';
import { TrlField } from './fields/TrlField';
import { useListingForm } from './useListingForm';

export interface DemandFormProps {
  listing?: DemandDto;
  policies?: ListingPolicies;
}

export function DemandForm({ listing, policies }: DemandFormProps) {
  const { t } = useTranslation();
  const { organization } = useAuth();
  const { form, onSubmit, onKeyDown, draft, pending, errorText, formError, saved } = useListingForm({
    type: 'demand',
    listing,
    initial: () => (listing ? demandValuesFrom(listing) : emptyDemandValues(organization?.province)),
    valuesFrom: (dto) => demandValuesFrom(dto as DemandDto),
    order: demandFieldOrder,
    validateNew: validateNewDemand,
    validateChanges: validateDemandChanges,
    serverErrors: (fields) => demandErrors(fields),
  });
  const { values, set, error } = form;
  const today = new Date().toISOString().slice(0, 10);

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
          label={t('listingForm.fields.demandTitle')}
          hint={t('listingForm.hints.title')}
          required
        />
        <TextField
          form={form}
          name="problem"
          lang={values.lang}
          label={t('listingForm.fields.problem')}
          hint={t('listingForm.hints.problem')}
          rows={6}
          required
        />
        <TextField
          form={form}
          name="requirements"
          lang={values.lang}
          label={t('listingForm.fields.requirements')}
          hint={t('listingForm.hints.requirements')}
          rows={5}
        />
        <TranslationFields form={form} />
      </fieldset>

      <fieldset className="form__section">
        <legend className="form__legend">{t('listingForm.sections.classification')}</legend>
        <ClassificationFields form={form} />
      </fieldset>

      <fieldset className="form__section">
        <legend className="form__legend">{t('listingForm.sections.needs')}</legend>
        <TrlField
          name="trlMin"
          label={t('listingForm.fields.trlMin')}
          hint={t('listingForm.hints.trlMin')}
          value={values.trlMin}
          onChange={(v) => set('trlMin', v)}
          error={error('trlMin')}
          emptyLabel={t('listingForm.placeholders.noTrlMin')}
        />
        <TransferModesField form={form} hint={t('listingForm.hints.transferModesDemand')} />
        <div className="form__row">
          <AmountField
            name="budget.max"
            label={t('listingForm.fields.budgetMax')}
            value={values['budget.max']}
            currency={values['budget.currency']}
            onChange={(v) => set('budget.max', v)}
            error={error('budget.max')}
          />
          <TextField
            form={form}
            name="deadline"
            type="date"
            min={listing ? undefined : today}
            label={t('listingForm.fields.deadline')}
            hint={t('listingForm.hints.deadline')}
          />
        </div>
      </fieldset>

      <FormActions
        canPublish={!listing || !!policies?.publish}
        isNew={!listing}
        pending={pending}
        cancelHref={listing ? listingHref('demand', listing.id) : '/app'}
      />
    </form>
  );
}
