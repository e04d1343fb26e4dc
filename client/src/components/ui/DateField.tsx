import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../lib/useLang';

export interface DateFieldProps {
  id: string;
  name?: string;
  /** ISO date (yyyy-mm-dd) or ''. */
  value: string;
  onChange: (iso: string) => void;
  min?: string;
  max?: string;
  required?: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

type Part = 'day' | 'month' | 'year';

/** The order of day, month and year in a language's short date: vi-VN and en-GB both write dd/mm/yyyy. */
export function dateOrder(lang: string): Part[] {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, 11, 31)))
    .map((p) => p.type)
    .filter((type): type is Part => type === 'day' || type === 'month' || type === 'year');
}

/** "2026-03-09" → "09/03/2026" in the language's order. */
export function formatDateInput(iso: string, lang: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return '';
  const parts: Record<Part, string> = { year: match[1] ?? '', month: match[2] ?? '', day: match[3] ?? '' };
  return dateOrder(lang)
    .map((p) => parts[p])
    .join('/');
}

/** What was typed ("9/3/2026", "09.03.2026", "09032026") → ISO, or null if it is not a real date. */
export function parseDateInput(text: string, lang: string): string | null {
  const trimmed = text.trim();
  let pieces = trimmed.split(/[/.\-\s]+/).filter(Boolean);
  if (pieces.length === 1 && /^\d{8}$/.test(trimmed))
    pieces = [trimmed.slice(0, 2), trimmed.slice(2, 4), trimmed.slice(4)];
  if (pieces.length !== 3 || pieces.some((p) => !/^\d+$/.test(p))) return null;
  const order = dateOrder(lang);
  const get = (part: Part) => Number(pieces[order.indexOf(part)]);
  const year = get('year');
  const month = get('month');
  const day = get('day');
  if (year < 1900 || year > 2999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date typed and shown as the reader writes it (dd/mm/yyyy in Vietnamese),
 * whatever the browser's own language; the value stays ISO. A calendar button
 * opens the browser's picker where it has one.
 */
export function DateField({ id, name, value, onChange, min, max, required, ...aria }: DateFieldProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [text, setText] = useState(() => formatDateInput(value, lang));
  const [invalid, setInvalid] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setText(formatDateInput(value, lang));
    setInvalid(false);
  }, [value, lang]);

  function commit() {
    if (text.trim() === '') {
      setInvalid(false);
      if (value !== '') onChange('');
      return;
    }
    const iso = parseDateInput(text, lang);
    const outside = iso !== null && ((min && iso < min) || (max && iso > max));
    if (!iso || outside) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setText(formatDateInput(iso, lang));
    if (iso !== value) onChange(iso);
  }

  const format = t('dateField.format');
  const hintId = `${id}-format`;
  return (
    <div className="date-field">
      <input
        id={id}
        name={name}
        className="input date-field__input"
        inputMode="numeric"
        autoComplete="off"
        placeholder={format}
        value={text}
        required={required}
        aria-invalid={aria['aria-invalid'] ?? (invalid || undefined)}
        aria-describedby={[aria['aria-describedby'], hintId].filter(Boolean).join(' ')}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      <span className="visually-hidden" id={hintId}>
        {invalid ? t('dateField.invalid', { format }) : t('dateField.formatHint', { format })}
      </span>
      <button
        type="button"
        className="date-field__calendar"
        aria-label={t('dateField.calendar')}
        onClick={() => {
          const native = picker.current;
          if (native && typeof native.showPicker === 'function') native.showPicker();
        }}
      >
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M6 2h1.6v2h4.8V2H14v2h2a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h2V2Zm-1.4 6v7.4h10.8V8H4.6Z"
          />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        className="date-field__native"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        min={min}
        max={max}
        onChange={(e) => onChange(e.target.value)}
      />
      {invalid && (
        <p className="field__error date-field__error" role="alert">
          {t('dateField.invalid', { format })}
        </p>
      )}
    </div>
  );
}
