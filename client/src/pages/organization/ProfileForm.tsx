import { useMutation, useQueryClient } from '@tanstack/react-query';
import { organizationSizes, sectors } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { type OrganizationProfile, updateOrganizationProfile } from '../../api/organizations';
import { queryKeys } from '../../api/queryKeys';
import {
  Alert,
  Button,
  ChoiceGroup,
  type ControlProps,
  Field,
  Input,
  Select,
  TagInput,
  Textarea,
} from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { focusFirstError } from '../../forms/focusFirstError';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { codeOptions } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { OptionalLabel } from '../listing-form/fields/TextField';
import {
  type ProfileField,
  type ProfileValues,
  profileFieldErrors,
  profileFieldOrder,
  profileValuesFrom,
  validateProfile,
} from './profileForm';

export interface ProfileFormProps {
  profile: OrganizationProfile;
  onSaved?: (profile: OrganizationProfile) => void;
}

type TextField = Exclude<ProfileField, 'sectors' | 'expertise'>;

/**
 * The public profile's details, checked with the server's schema before
 * sending; the server's field messages land on their boxes, and what was
 * typed stays when a save fails.
 */
export function ProfileForm({ profile, onSaved }: ProfileFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const errors = useFieldErrors();
  const [values, setValues] = useState<ProfileValues>(() => profileValuesFrom(profile));

  const mutation = useMutation({
    mutationFn: updateOrganizationProfile,
    onSuccess: (res) => {
      queryClient.setQueryData(queryKeys.organization(profile.id), res);
      void queryClient.invalidateQueries({ queryKey: queryKeys.organization(profile.id) });
      onSaved?.(res.data);
    },
    onError: (error) => {
      if (isApiError(error) && error.status < 500 && error.hasFieldErrors) {
        const byField = profileFieldErrors(error.fields);
        const { _form: _ignored, ...onFields } = byField;
        errors.setServerErrors(onFields);
        focusFirstError(profileFieldOrder, Object.keys(onFields));
      }
    },
  });

  function set<K extends ProfileField>(field: K, value: ProfileValues[K]) {
    setValues((prev) => ({ ...prev, [field]: value }));
    errors.clear(field);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.reset();
    const result = validateProfile(values);
    if (!result.ok) {
      errors.setClientErrors(result.errors);
      focusFirstError(profileFieldOrder, Object.keys(result.errors));
      return;
    }
    errors.reset();
    mutation.mutate(result.data);
  }

  /** What no field can show: a refusal, a network failure, or a message for a path the form lacks. */
  function generalError(): string | null {
    const error = mutation.error;
    if (!error) return null;
    if (isApiError(error) && error.status < 500 && error.hasFieldErrors) {
      const rest = profileFieldErrors(error.fields)._form;
      return rest ?? null;
    }
    return describeApiError(error, t, { forbidden: t('orgProfile.form.forbidden') });
  }
  const failure = generalError();

  const text =
    (field: TextField, extra: { rows?: number; type?: 'text' | 'url' | 'email' | 'tel'; inputMode?: 'numeric' } = {}) =>
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
  const optional = (label: string) => <OptionalLabel label={label} />;
  const sizeOptions = organizationSizes.map((size) => ({ value: size, label: t(`orgProfile.size.${size}`) }));

  return (
    <form className="form org-profile-form" noValidate onSubmit={submit} aria-labelledby="org-profile-form-title">
      <h2 className="card__title" id="org-profile-form-title">
        {t('orgProfile.form.title')}
      </h2>
      {failure && <Alert tone="error">{failure}</Alert>}
      {mutation.isSuccess && (
        <Alert tone="success" live>
          {t('orgProfile.form.saved')}
        </Alert>
      )}
      <Field
        name="description"
        label={optional(t('orgProfile.fields.description'))}
        hint={t('orgProfile.hints.description')}
        error={errors.messageFor('description')}
      >
        {text('description', { rows: 6 })}
      </Field>
      <div className="form__row">
        <Field
          name="foundedYear"
          label={optional(t('orgProfile.fields.foundedYear'))}
          hint={t('orgProfile.hints.foundedYear')}
          error={errors.messageFor('foundedYear')}
        >
          {text('foundedYear', { inputMode: 'numeric' })}
        </Field>
        <Field name="size" label={optional(t('orgProfile.fields.size'))} error={errors.messageFor('size')}>
          {(props) => (
            <Select
              {...props}
              options={[{ value: '', label: t('orgProfile.form.noSize') }, ...sizeOptions]}
              value={values.size}
              onChange={(e) => set('size', e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        name="website"
        label={optional(t('orgProfile.fields.website'))}
        hint={t('orgProfile.hints.website')}
        error={errors.messageFor('website')}
      >
        {text('website', { type: 'url' })}
      </Field>
      <ChoiceGroup
        name="sectors"
        legend={optional(t('orgProfile.fields.sectors'))}
        hint={t('orgProfile.hints.sectors')}
        error={errors.messageFor('sectors')}
        options={codeOptions(sectors, lang)}
        value={values.sectors}
        onChange={(next) => set('sectors', next)}
        max={8}
        columns={2}
      />
      <Field
        name="expertise"
        label={optional(t('orgProfile.fields.expertise'))}
        hint={t('orgProfile.hints.expertise')}
        error={errors.messageFor('expertise')}
      >
        {(props) => (
          <TagInput
            {...props}
            value={values.expertise}
            onChange={(next) => set('expertise', next)}
            max={12}
            placeholder={t('orgProfile.form.expertisePlaceholder')}
          />
        )}
      </Field>
      <fieldset className="form__group org-profile-form__contact">
        <legend className="field__label">{t('orgProfile.fields.contact')}</legend>
        <p className="field__hint">{t('orgProfile.hints.contact')}</p>
        <div className="form__row">
          <Field
            name="contact.name"
            label={t('orgProfile.fields.contactName')}
            error={errors.messageFor('contact.name')}
          >
            {text('contact.name')}
          </Field>
          <Field
            name="contact.title"
            label={optional(t('orgProfile.fields.contactTitle'))}
            error={errors.messageFor('contact.title')}
          >
            {text('contact.title')}
          </Field>
        </div>
        <div className="form__row">
          <Field
            name="contact.email"
            label={optional(t('orgProfile.fields.contactEmail'))}
            error={errors.messageFor('contact.email')}
          >
            {text('contact.email', { type: 'email' })}
          </Field>
          <Field
            name="contact.phone"
            label={optional(t('orgProfile.fields.contactPhone'))}
            error={errors.messageFor('contact.phone')}
          >
            {text('contact.phone', { type: 'tel' })}
          </Field>
        </div>
      </fieldset>
      <div className="button-row">
        <Button type="submit" loading={mutation.isPending}>
          {t('orgProfile.form.save')}
        </Button>
      </div>
    </form>
  );
}
