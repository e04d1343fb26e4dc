import type { ReactNode } from 'react';
import { LoadFailed } from '../LoadFailed';
import { LoadingBlock } from './LoadingBlock';
import { type QueryLike, queryPhase, refreshFailed } from './queryState';

export interface QueryViewProps<T> {
  /** A useQuery / useInfiniteQuery result (or anything shaped like one). */
  query: QueryLike<T>;
  /** The error alert's title, e.g. "Could not load your listings". */
  errorTitle: string;
  /** Replaces the standard error alert with retry, e.g. to point at form fields instead. */
  renderError?: (error: unknown, retry: () => void) => ReactNode;
  /** Shown while the first load runs; defaults to two placeholder blocks. */
  loading?: ReactNode;
  /** Shown instead of `children` when the data is empty (see `isEmpty`). Without it, `children` always renders. */
  empty?: ReactNode;
  /** Whether the data counts as empty; defaults to an empty array, `{ data: [] }` or all-empty pages. */
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

/**
 * The loading / error / empty / data block every list section repeats:
 * placeholders while loading, the reason and a retry button when the load
 * failed, the empty state, else `children(data)`. When a refresh fails while
 * data is shown, the error appears above the (older) data.
 */
export function QueryView<T>({ query, errorTitle, renderError, loading, empty, isEmpty, children }: QueryViewProps<T>) {
  const retry = () => void query.refetch();
  const error = renderError ? (
    renderError(query.error, retry)
  ) : (
    <LoadFailed title={errorTitle} error={query.error} retry={retry} />
  );
  const phase = queryPhase(query, empty !== undefined, isEmpty);
  switch (phase) {
    case 'loading':
      return <>{loading ?? <LoadingBlock />}</>;
    case 'error':
      return <>{error}</>;
    case 'idle':
      return null;
    default: {
      const data = query.data as T;
      return (
        <>
          {refreshFailed(query) && error}
          {phase === 'empty' ? empty : children(data)}
        </>
      );
    }
  }
}
