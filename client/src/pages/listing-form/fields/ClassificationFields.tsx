import { sectors, transferModes } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, Field, ProvincePicker, TagInput } from '../../../components/ui';
import type { FormApi } from '../../../forms/formTools';
import { codeOptions } from '../../../lib/taxonomy';
import { useLang } from '../../../lib/useLang';
import { OptionalLabel } from './TextField';

interface Classified {
  sectors: string[];
  keywords: string[];
  province: string;
}

/** Sectors (up to 5), free keywords and the province: what search and matching use. */
export function ClassificationFields<V extends Classified>({ form }: { form: FormApi<V> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const f = form as unknown as FormApi<Classified>;
  return (
    <>
      <ChoiceGroup
        name="sectors"
        legend={t('listingForm.fields.sectors')}
        hint={t('listingForm.hints.sectors')}
        error={f.error('sectors')}
        options={codeOptions(sectors, lang)}
        value={f.values.sectors}
        onChange={(next) => f.set('sectors', next)}
        max={5}
        columns={2}
      />
      <Field
        name="keywords"
        label={<OptionalLabel label={t('listingForm.fields.keywords')} />}
        hint={t('listingForm.hints.keywords')}
        error={f.error('keywords')}
      >
        {(control) => (
          <TagInput
            {...control}
            value={f.values.keywords}
            onChange={(next) => f.set('keywords', next)}
            max={20}
            placeholder={t('listingForm.placeholders.keywords')}
          />
        )}
      </Field>
      <Field
        name="province"
        label={t('listingForm.fields.province')}
        hint={t('auth.fields.provinceHint')}
        error={f.error('province')}
        required
      >
        {(control) => (
          <ProvincePicker
            {...control}
            placeholder={t('auth.fields.provincePlaceholder')}
            value={f.values.province}
            onChange={(code) => f.set('province', code)}
          />
        )}
      </Field>
    </>
  );
}

/** How the technology may change hands (at least one). */
export function TransferModesField<V extends { transferModes: string[] }>({
  form,
  hint,
}: {
  form: FormApi<V>;
  hint: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const f = form as unknown as FormApi<{ transferModes: string[] }>;
  return (
    <ChoiceGroup
      name="transferModes"
      legend={t('listingForm.fields.transferModes')}
      hint={hint}
      error={f.error('transferModes')}
      options={codeOptions(transferModes, lang)}
      value={f.values.transferModes}
      onChange={(next) => f.set('transferModes', next)}
    />
  );
}
