import type { SearchHit } from '@techbridge/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '../../forms/describeApiError';
import { Alert, Button } from '../ui';
import { ListingCard, ListingCardSkeleton } from './ListingCard';

export interface HitListProps {
  hits: readonly SearchHit[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  /** Shown when the list loaded and is empty. */
  empty: ReactNode;
  layout?: 'list' | 'grid';
  skeletons?: number;
  headingLevel?: 2 | 3;
  hideOrganization?: boolean;
  /** Dims the list while newer results load in the background. */
  stale?: boolean;
  /** The failure's heading; "could not load the results" by default. */
  errorTitle?: string;
}

/** A list of search hits with its loading (skeletons), error and empty states. */
export function HitList({
  hits,
  loading,
  error,
  onRetry,
  empty,
  layout = 'list',
  skeletons = 3,
  headingLevel,
  hideOrganization,
  stale = false,
  errorTitle,
}: HitListProps) {
  const { t } = useTranslation();
  const className = `hit-list hit-list--${layout}`;

  if (error && !hits) {
    return (
      <Alert tone="error" title={errorTitle ?? t('search.errorTitle')}>
        <p>{describeApiError(error, t)}</p>
        <Button variant="secondary" size="sm" className="alert__action" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }

  if (loading && !hits) {
    return (
      <div className={className} aria-busy="true">
        <p className="visually-hidden" role="status">
          {t('common.loading')}
        </p>
        {Array.from({ length: skeletons }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <ListingCardSkeleton key={i} />
        ))}
      </div>
    );
  }

  if (!hits || hits.length === 0) return <>{empty}</>;

  return (
    <ul className={`${className}${stale ? ' is-stale' : ''}`} aria-busy={stale || undefined}>
      {hits.map((hit) => (
        <li key={`${hit.type}-${hit.id}`}>
          <ListingCard hit={hit} headingLevel={headingLevel} hideOrganization={hideOrganization} />
        </li>
      ))}
    </ul>
  );
}
