import { getProvince } from '@techbridge/shared';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProvinceSuggestion, provinceFromText, provinceLabel, suggestProvinces } from '../../lib/provinceSearch';

export interface ProvincePickerProps {
  id: string;
  name?: string;
  /** The chosen province code, or '' for none. */
  value: string;
  onChange: (code: string) => void;
  placeholder?: string;
  required?: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  /** Filters: an empty box means "any province", and this names it in the list. */
  emptyLabel?: string;
  /** Filters: a number shown after each province (e.g. search hits). */
  counts?: Readonly<Record<string, number>>;
}

/**
 * A province combobox for the 34 provinces of 2025 that also understands the
 * 63 earlier names: typing or choosing "Bắc Giang" selects Bắc Ninh and says so.
 * Enter chooses and never sends the surrounding form.
 */
export function ProvincePicker({
  id,
  name,
  value,
  onChange,
  placeholder,
  required,
  emptyLabel,
  counts,
  ...aria
}: ProvincePickerProps) {
  const { t } = useTranslation();
  const uid = useId();
  const listId = `${uid}-list`;
  const noteId = `${uid}-note`;
  const [text, setText] = useState(() => provinceLabel(value));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [legacyNote, setLegacyNote] = useState<{ legacy: string; code: string } | null>(null);

  // The value changed from outside (a reset, a restored draft): the box shows it.
  useEffect(() => {
    setText(provinceLabel(value));
    setLegacyNote((note) => (note && note.code === value ? note : null));
  }, [value]);

  // The whole list while the box shows the current choice; what matches once something else is typed.
  const browsing = text.trim() === '' || text === provinceLabel(value);
  const suggestions = open ? suggestProvinces(browsing ? '' : text) : [];
  const options: (ProvinceSuggestion | null)[] =
    open && browsing && emptyLabel !== undefined ? [null, ...suggestions] : suggestions;

  function choose(choice: ProvinceSuggestion | null) {
    setOpen(false);
    if (!choice) {
      setText('');
      setLegacyNote(null);
      if (value !== '') onChange('');
      return;
    }
    setText(choice.province.name);
    setLegacyNote(choice.legacy ? { legacy: choice.legacy, code: choice.province.code } : null);
    if (choice.province.code !== value) onChange(choice.province.code);
  }

  /** Leaving the box: a whole name typed counts as chosen; anything else goes back to the current choice. */
  function settle() {
    setOpen(false);
    if (text.trim() === '') return emptyLabel !== undefined || !required ? choose(null) : setText(provinceLabel(value));
    const found = provinceFromText(text);
    if (found) choose(found);
    else setText(provinceLabel(value));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length ? (i + step + options.length) % options.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (open && options.length > 0) choose(options[Math.min(active, options.length - 1)] ?? null);
      else settle();
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setText(provinceLabel(value));
    }
  }

  const optionId = (i: number) => `${uid}-opt-${i}`;
  const describedBy =
    [aria['aria-describedby'], legacyNote ? noteId : undefined].filter(Boolean).join(' ') || undefined;
  const countText = (code: string) => (counts ? ` (${counts[code] ?? 0})` : '');
  const unitName = (code: string) => {
    const unit = getProvince(code);
    // "Thành phố Hồ Chí Minh" is named with its kind already.
    const name = (unit?.name ?? code).replace(/^Thành phố\s+/, '');
    return t(unit?.type === 'city' ? 'provincePicker.city' : 'provincePicker.province', { name });
  };

  return (
    <div className="province-picker">
      <input
        id={id}
        name={name}
        className="input province-picker__input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && options.length > 0 ? optionId(Math.min(active, options.length - 1)) : undefined}
        aria-invalid={aria['aria-invalid']}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        autoComplete="off"
        lang="vi"
        value={text}
        placeholder={placeholder ?? emptyLabel}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={(e) => e.target.select()}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={settle}
      />
      <div
        id={listId}
        role="listbox"
        className="province-picker__list"
        hidden={!open}
        aria-label={t('provincePicker.list')}
      >
        {options.length === 0 && open && <p className="province-picker__none">{t('provincePicker.none')}</p>}
        {options.map((option, i) => (
          <div
            key={option ? option.province.code : '_any'}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className={`province-picker__option${i === active ? ' province-picker__option--active' : ''}`}
            // Chosen on mouse down, before the box loses focus.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(option);
            }}
          >
            {option ? (
              <>
                <span lang="vi">{option.province.name}</span>
                {countText(option.province.code)}
                {option.legacy && (
                  <span className="province-picker__legacy">
                    {t('provincePicker.includes', { legacy: option.legacy })}
                  </span>
                )}
              </>
            ) : (
              emptyLabel
            )}
          </div>
        ))}
      </div>
      <div role="status">
        {legacyNote && (
          <p className="field__hint province-picker__note" id={noteId}>
            {t('provincePicker.legacyNote', { legacy: legacyNote.legacy, unit: unitName(legacyNote.code) })}
          </p>
        )}
      </div>
    </div>
  );
}
