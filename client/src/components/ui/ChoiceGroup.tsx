import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from './Field';

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  /** A number shown after the label (e.g. search results with this value). */
  count?: number;
}

export interface ChoiceGroupProps {
  /** Form path; the first control gets the field id so focusFirstError can reach it. */
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  type?: 'checkbox' | 'radio';
  options: readonly ChoiceOption[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  /** Most items that may be ticked; the rest are disabled once reached. */
  max?: number;
  columns?: 1 | 2;
  /** Smaller legend, for filter panels. */
  compact?: boolean;
}

/** A fieldset of checkboxes (multi-select) or radios (single choice) with hint and error. */
export function ChoiceGroup({
  name,
  legend,
  hint,
  error,
  type = 'checkbox',
  options,
  value,
  onChange,
  max,
  columns = 1,
  compact = false,
}: ChoiceGroupProps) {
  const { t } = useTranslation();
  const uid = useId();
  const selected = new Set(value);
  const full = max !== undefined && type === 'checkbox' && selected.size >= max;
  const hintId = hint || max ? `${uid}-hint` : undefined;
  const errorId = error ? `${uid}-error` : undefined;

  function toggle(code: string, checked: boolean) {
    if (type === 'radio') return onChange([code]);
    onChange(checked ? [...value, code] : value.filter((v) => v !== code));
  }

  return (
    <fieldset
      className={`field choice-group${error ? ' field--invalid' : ''}${compact ? ' choice-group--compact' : ''}`}
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="field__label choice-group__legend">{legend}</legend>
      <div className={`choice-group__options choice-group__options--cols-${columns}`}>
        {options.map((option, index) => {
          const checked = selected.has(option.value);
          return (
            <label key={option.value} className="choice">
              <input
                id={index === 0 ? fieldId(name) : undefined}
                type={type}
                className="choice__input"
                name={type === 'radio' ? `${name}-${uid}` : undefined}
                value={option.value}
                checked={checked}
                disabled={!checked && full}
                aria-invalid={error ? true : undefined}
                onChange={(e) => toggle(option.value, e.target.checked)}
              />
              <span className="choice__label">{option.label}</span>
              {option.count !== undefined && (
                <span className="choice__count">
                  {option.count}
                  <span className="visually-hidden"> {t('search.resultsUnit', { count: option.count })}</span>
                </span>
              )}
            </label>
          );
        })}
      </div>
      {(hint || max) && (
        <p className="field__hint" id={hintId}>
          {hint}
          {max !== undefined && type === 'checkbox' && (
            <span className="choice-group__counter"> {t('forms.selectedOf', { count: selected.size, max })}</span>
          )}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('a11y.fieldError')} </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}
