import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField, Field, Input, Textarea } from '../../../components/ui';
import type { FormApi } from '../../../forms/formTools';

type StringKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

export interface TextFieldProps<V> {
  form: FormApi<V>;
  name: StringKeys<V>;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  /** Rows for a textarea; omit for a one-line input. */
  rows?: number;
  inputMode?: 'text' | 'numeric';
  type?: 'text' | 'date';
  min?: string;
  /** The language of the text typed in, when it is not the page's (a translation). */
  lang?: string;
}

/** Marks a field as optional next to its label (required ones are the rule). */
export function OptionalLabel({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <>
      {label} <span className="field__optional">{t('forms.optional')}</span>
    </>
  );
}

/** A labelled text input or textarea bound to one form value. */
export function TextField<V>({
  form,
  name,
  label,
  hint,
  required,
  rows,
  inputMode,
  type,
  min,
  lang,
}: TextFieldProps<V>) {
  const value = form.values[name] as string;
  const change = (text: string) => form.set(name, text as V[typeof name]);
  return (
    <Field
      name={name}
      label={required ? label : <OptionalLabel label={label} />}
      hint={hint}
      error={form.error(name)}
      required={required}
    >
      {(control) =>
        type === 'date' ? (
          <DateField {...control} min={min} value={value} onChange={change} />
        ) : rows ? (
          <Textarea {...control} rows={rows} lang={lang} value={value} onChange={(e) => change(e.target.value)} />
        ) : (
          <Input
            {...control}
            type={type}
            min={min}
            lang={lang}
            inputMode={inputMode}
            value={value}
            onChange={(e) => change(e.target.value)}
          />
        )
      }
    </Field>
  );
}
