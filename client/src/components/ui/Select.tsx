import type { SelectHTMLAttributes } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  options: readonly SelectOption[];
  /** Shown as the empty first choice. */
  placeholder?: string;
}

export function Select({ options, placeholder, className, ...rest }: SelectProps) {
  return (
    <div className="select">
      <select className={['select__control', className].filter(Boolean).join(' ')} {...rest}>
        {placeholder !== undefined && (
          <option value="" disabled>
            {placeholder}
          </option>
        )}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <svg className="select__chevron" viewBox="0 0 20 20" aria-hidden="true">
        <path fill="currentColor" d="M5.2 7.5 10 12.3l4.8-4.8 1.2 1.2-6 6-6-6z" />
      </svg>
    </div>
  );
}
