import type { ReactNode } from 'react';

export type AlertTone = 'error' | 'warning' | 'info' | 'success';

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  id?: string;
  /** Announce when it appears; defaults to true for errors. Static notes leave it off. */
  live?: boolean;
}

const icons: Record<AlertTone, string> = {
  error: 'M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.9 4h1.8v5.2H9.1V6Zm.9 8.6a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z',
  warning: 'M10 2.5 1.5 17.5h17L10 2.5Zm-.9 5h1.8v4.8H9.1V7.5Zm.9 7.6a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z',
  info: 'M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm0 3.4a1.1 1.1 0 1 1 0 2.2 1.1 1.1 0 0 1 0-2.2Zm-.9 3.6h1.8v5.6H9.1V9Z',
  success: 'M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-1.2 11.6L5.2 10l1.3-1.3 2.3 2.3 4.7-4.7 1.3 1.3-6 6Z',
};

/** A message block. Live errors are announced immediately (role="alert"), other live messages politely. */
export function Alert({ tone = 'info', title, children, id, live = tone === 'error' }: AlertProps) {
  const role = live ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={`alert alert--${tone}`} role={role} id={id}>
      <svg className="alert__icon" viewBox="0 0 20 20" aria-hidden="true">
        <path fill="currentColor" d={icons[tone]} />
      </svg>
      <div className="alert__body">
        {title && <p className="alert__title">{title}</p>}
        {children && <div className="alert__text">{children}</div>}
      </div>
    </div>
  );
}
