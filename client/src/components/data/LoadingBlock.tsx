import { useTranslation } from 'react-i18next';
import { Skeleton } from '../ui';

export interface LoadingBlockProps {
  /** The container's class; the default stacks the placeholders like a list. */
  className?: string;
  /** How many grey placeholder blocks to show. */
  blocks?: number;
}

/** A section's loading state: placeholder blocks, with "Loading…" announced to assistive tech. */
export function LoadingBlock({ className = 'my-listings__loading', blocks = 2 }: LoadingBlockProps) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      <p className="visually-hidden" role="status">
        {t('common.loading')}
      </p>
      {Array.from({ length: blocks }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders, only their count matters
        <Skeleton key={i} variant="block" />
      ))}
    </div>
  );
}
