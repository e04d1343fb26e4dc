import { type ReactNode, useId } from 'react';

export interface SegmentOption<V extends string> {
  value: V;
  label: ReactNode;
  count?: number;
}

export interface SegmentedControlProps<V extends string> {
  legend: string;
  options: readonly SegmentOption<V>[];
  value: V;
  onChange: (value: V) => void;
}

/** A single choice among a few, as native radios (arrow keys move between them). */
export function SegmentedControl<V extends string>({ legend, options, value, onChange }: SegmentedControlProps<V>) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="segmented__option">
          <input
            type="radio"
            className="segmented__input"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          <span className="segmented__label">{option.label}</span>
          {option.count !== undefined && <span className="segmented__count">{option.count}</span>}
        </label>
      ))}
    </fieldset>
  );
}
