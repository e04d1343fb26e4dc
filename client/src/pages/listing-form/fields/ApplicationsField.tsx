import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, fieldId, Input } from '../../../components/ui';
import { type ListItem, listItem } from '../../../forms/formTools';

export interface ApplicationsFieldProps {
  value: ListItem[];
  onChange: (next: ListItem[]) => void;
  error?: string;
  max?: number;
}

/** Where the technology can be used: a short list of one-line entries. */
export function ApplicationsField({ value, onChange, error, max = 10 }: ApplicationsFieldProps) {
  const { t } = useTranslation();
  const set = (id: number, text: string) => onChange(value.map((item) => (item.id === id ? { ...item, text } : item)));

  /** A new empty row after `index` (at the end by default), focused once it is rendered. */
  function add(index = value.length - 1) {
    const item = listItem();
    onChange([...value.slice(0, index + 1), item, ...value.slice(index + 1)]);
    requestAnimationFrame(() => document.getElementById(`application-${item.id}`)?.focus());
  }

  /** Enter never sends the form from here: it opens the next row (or moves to the next empty one). */
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (!value[index]?.text.trim()) return;
    const next = value[index + 1];
    if (next && !next.text.trim()) {
      document.getElementById(index + 1 === 0 ? fieldId('applications') : `application-${next.id}`)?.focus();
    } else if (value.length < max) {
      add(index);
    }
  }

  return (
    <fieldset className={`field${error ? ' field--invalid' : ''}`} aria-describedby="applications-hint">
      <legend className="field__label">
        {t('listingForm.fields.applications')} <span className="field__optional">{t('forms.optional')}</span>
      </legend>
      <ol className="list-input">
        {value.map((item, index) => (
          <li key={item.id} className="list-input__item">
            <Input
              id={index === 0 ? fieldId('applications') : `application-${item.id}`}
              aria-label={t('listingForm.fields.applicationN', { n: index + 1 })}
              aria-invalid={error ? true : undefined}
              value={item.text}
              enterKeyHint="next"
              onChange={(e) => set(item.id, e.target.value)}
              onKeyDown={(e) => onKeyDown(e, index)}
            />
            <Button
              variant="ghost"
              size="sm"
              aria-label={t('listingForm.removeApplication', { n: index + 1 })}
              onClick={() => onChange(value.length > 1 ? value.filter((v) => v.id !== item.id) : [listItem()])}
            >
              {t('forms.remove')}
            </Button>
          </li>
        ))}
      </ol>
      <p className="field__hint" id="applications-hint">
        {t('listingForm.hints.applications', { max })}
      </p>
      {error && <p className="field__error">{error}</p>}
      {value.length < max && (
        <Button variant="secondary" size="sm" className="list-input__add" onClick={() => add()}>
          {t('listingForm.addApplication')}
        </Button>
      )}
    </fieldset>
  );
}
