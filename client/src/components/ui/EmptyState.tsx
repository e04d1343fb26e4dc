import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  icon?: 'search' | 'inbox' | 'check';
}

const paths = {
  search:
    'M10.5 4a6.5 6.5 0 1 0 4 11.6l4.2 4.2 1.4-1.4-4.2-4.2A6.5 6.5 0 0 0 10.5 4Zm0 2a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9Z',
  inbox: 'M4 5h16l2 8v6H2v-6l2-8Zm1.6 2-1.4 6H8l1 2h6l1-2h3.8l-1.4-6H5.6Z',
  check: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.2 14.2-4.3-4.3 1.4-1.4 2.9 2.9 5.7-5.7 1.4 1.4-7.1 7.1Z',
};

/** What a list shows when it has nothing in it: a sentence, and what to do next. */
export function EmptyState({ title, children, actions, icon = 'inbox' }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <svg className="empty-state__icon" viewBox="0 0 24 24" aria-hidden="true">
        <path fill="currentColor" d={paths[icon]} />
      </svg>
      <p className="empty-state__title">{title}</p>
      {children && <div className="empty-state__body">{children}</div>}
      {actions && <div className="empty-state__actions">{actions}</div>}
    </div>
  );
}
