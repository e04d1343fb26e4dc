import { type KeyboardEvent, type ReactNode, useRef } from 'react';

export interface TabItem<V extends string> {
  value: V;
  label: ReactNode;
}

export interface TabsProps<V extends string> {
  idPrefix: string;
  label: string;
  items: readonly TabItem<V>[];
  selected: V;
  onSelect: (value: V) => void;
}

const tabId = (prefix: string, value: string) => `${prefix}-tab-${value}`;
const panelId = (prefix: string, value: string) => `${prefix}-panel-${value}`;

/** WAI-ARIA tabs with automatic activation: arrow keys, Home and End move between tabs. */
export function Tabs<V extends string>({ idPrefix, label, items, selected, onSelect }: TabsProps<V>) {
  const refs = useRef(new Map<string, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = items.length - 1;
    const targets: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onSelect(items[next].value);
    refs.current.get(items[next].value)?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {items.map((item, index) => (
        <button
          key={item.value}
          ref={(el) => {
            if (el) refs.current.set(item.value, el);
            else refs.current.delete(item.value);
          }}
          type="button"
          role="tab"
          id={tabId(idPrefix, item.value)}
          className="tabs__tab"
          aria-selected={item.value === selected}
          aria-controls={panelId(idPrefix, item.value)}
          tabIndex={item.value === selected ? 0 : -1}
          onClick={() => onSelect(item.value)}
          onKeyDown={(e) => onKeyDown(e, index)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ idPrefix, value, children }: { idPrefix: string; value: string; children: ReactNode }) {
  return (
    <div className="tabs__panel" role="tabpanel" id={panelId(idPrefix, value)} aria-labelledby={tabId(idPrefix, value)}>
      {children}
    </div>
  );
}
