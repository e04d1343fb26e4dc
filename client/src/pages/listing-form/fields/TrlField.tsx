import { trlLevels } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Field, Select } from '../../../components/ui';
import { useLang } from '../../../lib/useLang';
import { OptionalLabel } from './TextField';

export interface TrlFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  /** Label of an empty choice (e.g. "no minimum"); omit to require a level. */
  emptyLabel?: string;
  hint: string;
}

/** TRL 1–9, each with its level description; the chosen level is explained below the box. */
export function TrlField({ name, label, value, onChange, error, required, emptyLabel, hint }: TrlFieldProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const chosen = trlLevels.find((l) => String(l.level) === value);
  const options = trlLevels.map((l) => ({ value: String(l.level), label: `TRL ${l.level} — ${l[lang]}` }));
  return (
    <Field
      name={name}
      label={required ? label : <OptionalLabel label={label} />}
      hint={chosen ? t('listingForm.hints.trlChosen', { level: chosen.level, text: chosen[lang] }) : hint}
      error={error}
      required={required}
    >
      {(control) => (
        <Select
          {...control}
          options={emptyLabel !== undefined ? [{ value: '', label: emptyLabel }, ...options] : options}
          placeholder={emptyLabel === undefined ? t('listingForm.placeholders.trl') : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
