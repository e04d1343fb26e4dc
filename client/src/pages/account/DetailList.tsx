import type { ReactNode } from 'react';

export interface Detail {
  label: string;
  value: ReactNode;
}

/** Label/value pairs as a description list. */
export function DetailList({ items }: { items: readonly Detail[] }) {
  return (
    <dl className="details">
      {items.map((item) => (
        <div key={item.label} className="details__row">
          <dt className="details__label">{item.label}</dt>
          <dd className="details__value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
