import type { HTMLAttributes, ReactNode } from 'react';

export interface CardProps extends HTMLAttributes<HTMLElement> {
  as?: 'section' | 'article' | 'div';
  padded?: boolean;
}

export function Card({ as: Tag = 'div', padded = true, className, ...rest }: CardProps) {
  return <Tag className={['card', padded && 'card--padded', className].filter(Boolean).join(' ')} {...rest} />;
}

export interface CardHeaderProps {
  title: ReactNode;
  /** Heading level, so cards fit the page outline. */
  level?: 2 | 3;
  id?: string;
  actions?: ReactNode;
}

export function CardHeader({ title, level = 2, id, actions }: CardHeaderProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="card__header">
      <Heading className="card__title" id={id}>
        {title}
      </Heading>
      {actions && <div className="card__actions">{actions}</div>}
    </div>
  );
}
