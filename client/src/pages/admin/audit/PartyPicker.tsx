import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getAdminUsers } from '../../../api/admin';
import { queryKeys } from '../../../api/queryKeys';
import type { ControlProps } from '../../../components/ui';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { useAdminOrganizations } from '../useAdminOrganizations';

export interface PartyOption {
  id: string;
  label: string;
  detail: string;
}

const OBJECT_ID = /^[0-9a-f]{24}$/i;
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

/** Organisations whose name contains the text (marks ignored), at most `limit`. */
export function matchOrganizations<O extends { id: string; name: string }>(
  orgs: readonly O[],
  text: string,
  limit = 8,
) {
  const q = fold(text.trim());
  return q ? orgs.filter((org) => fold(org.name).includes(q)).slice(0, limit) : [];
}

/**
 * Chooses a person (and, for a target, an organisation) by name or e-mail
 * from the administrators' lists, instead of typing a 24-character id. A
 * pasted id is still accepted.
 */
export function PartyPicker({
  control,
  value,
  onChange,
  withOrganizations,
}: {
  control: ControlProps;
  /** The chosen id, or ''. */
  value: string;
  onChange: (id: string) => void;
  withOrganizations: boolean;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<PartyOption | null>(null);
  const q = useDebouncedValue(text.trim(), 250);
  const { query: orgQuery, byId } = useAdminOrganizations();
  const users = useQuery({
    queryKey: queryKeys.adminUsers(q),
    queryFn: ({ signal }) => getAdminUsers(q, signal),
    enabled: open && q.length >= 2,
  });

  // What the box shows for the chosen id: its name when known (also for an id from the address).
  const knownLabel = (id: string) => (chosen?.id === id ? chosen.label : (byId.get(id)?.name ?? id));
  useEffect(() => {
    if (open) return;
    const label = value ? (chosen?.id === value ? chosen.label : (byId.get(value)?.name ?? value)) : '';
    setText(label);
  }, [value, open, byId, chosen]);

  const options: PartyOption[] =
    open && q.length >= 2
      ? [
          ...(users.data?.data ?? []).slice(0, 8).map((u) => ({ id: u.id, label: u.name, detail: u.email })),
          ...(withOrganizations
            ? matchOrganizations(orgQuery.data?.data ?? [], q).map((o) => ({
                id: o.id,
                label: o.name,
                detail: t('auditPicker.organization'),
              }))
            : []),
        ]
      : [];

  function choose(option: PartyOption | null) {
    setOpen(false);
    setChosen(option);
    onChange(option?.id ?? '');
    setText(option?.label ?? '');
  }

  function settle() {
    setOpen(false);
    const typed = text.trim();
    if (!typed) return choose(null);
    if (OBJECT_ID.test(typed)) {
      onChange(typed.toLowerCase());
      return;
    }
    setText(value ? knownLabel(value) : '');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length ? (i + step + options.length) % options.length : 0));
    } else if (event.key === 'Enter' && open && options.length > 0) {
      event.preventDefault();
      choose(options[Math.min(active, options.length - 1)] ?? null);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const listId = `${uid}-list`;
  const optionId = (i: number) => `${uid}-opt-${i}`;
  const showList = open && q.length >= 2;
  return (
    <div className="province-picker">
      <input
        {...control}
        className="input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && options.length ? optionId(Math.min(active, options.length - 1)) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={t('auditPicker.placeholder')}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={settle}
      />
      <div
        id={listId}
        role="listbox"
        className="province-picker__list"
        hidden={!showList}
        aria-label={t('auditPicker.list')}
      >
        {showList && options.length === 0 && (
          <p className="province-picker__none">
            {users.isFetching || q !== text.trim() ? t('auditPicker.searching') : t('auditPicker.none')}
          </p>
        )}
        {options.map((option, i) => (
          <div
            key={option.id}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className={`province-picker__option${i === active ? ' province-picker__option--active' : ''}`}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(option);
            }}
          >
            <span>{option.label}</span>
            <span className="province-picker__legacy">{option.detail}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
