import { type ClipboardEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlProps } from './Field';

export interface TagInputProps extends ControlProps {
  value: readonly string[];
  onChange: (next: string[]) => void;
  max?: number;
  placeholder?: string;
}

/** Free-text tags: Enter or comma adds one, Backspace on an empty box removes the last, chips have remove buttons. */
export function TagInput({ value, onChange, max, placeholder, ...control }: TagInputProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const full = max !== undefined && value.length >= max;

  function add(raw: string[]) {
    const next = [...value];
    for (const part of raw) {
      const tag = part.trim().replace(/\s+/g, ' ');
      const known = next.some((v) => v.toLocaleLowerCase('vi') === tag.toLocaleLowerCase('vi'));
      if (tag && !known && (max === undefined || next.length < max)) next.push(tag);
    }
    if (next.length !== value.length) onChange(next);
  }

  function onInput(text: string) {
    if (!text.includes(',')) return setDraft(text);
    const parts = text.split(',');
    setDraft(parts.pop() ?? '');
    add(parts);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      add([draft]);
      setDraft('');
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const text = event.clipboardData.getData('text');
    if (!/[,\n]/.test(text)) return;
    event.preventDefault();
    add(text.split(/[,\n]/));
  }

  return (
    <div className={`tag-input${control['aria-invalid'] ? ' tag-input--invalid' : ''}`}>
      {value.length > 0 && (
        <ul className="tag-input__tags">
          {value.map((tag) => (
            <li key={tag} className="tag-input__tag">
              <span>{tag}</span>
              <button
                type="button"
                className="tag-input__remove"
                aria-label={t('forms.removeTag', { tag })}
                onClick={() => onChange(value.filter((v) => v !== tag))}
              >
                <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true">
                  <path d="M6 6l8 8M14 6l-8 8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        {...control}
        className="tag-input__input"
        value={draft}
        disabled={full}
        placeholder={full ? t('forms.tagsFull') : placeholder}
        enterKeyHint="enter"
        onChange={(e) => onInput(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => {
          add([draft]);
          setDraft('');
        }}
      />
    </div>
  );
}
