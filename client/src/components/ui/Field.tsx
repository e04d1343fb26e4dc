import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Props a Field hands to its control so label, hint and error are wired up for assistive tech. */
export interface ControlProps {
  id: string;
  name: string;
  required?: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

export interface FieldProps {
  /** Form path, e.g. "organization.name"; also used to build a stable id. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** An already-rendered message in the UI language. */
  error?: string;
  required?: boolean;
  /** Extra content next to the label (e.g. a "show password" toggle). */
  labelAside?: ReactNode;
  children: (props: ControlProps) => ReactNode;
}

export function fieldId(name: string) {
  return `field-${name.replace(/\./g, '-')}`;
}

export function Field({ name, label, hint, error, required, labelAside, children }: FieldProps) {
  const { t } = useTranslation();
  const uid = useId();
  const id = fieldId(name);
  const hintId = hint ? `${uid}-hint` : undefined;
  const errorId = error ? `${uid}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <div className="field__label-row">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        {labelAside}
      </div>
      {children({
        id,
        name,
        required,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <svg className="field__error-icon" viewBox="0 0 20 20" aria-hidden="true">
            <path
              fill="currentColor"
              d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.9 4h1.8v5.2H9.1V6Zm.9 8.6a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z"
            />
          </svg>
          <span className="visually-hidden">{t('a11y.fieldError')} </span>
          {error}
        </p>
      )}
    </div>
  );
}
