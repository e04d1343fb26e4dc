/**
 * The parts of a TanStack Query result, plain (useQuery) or infinite
 * (useInfiniteQuery), that <QueryView> reads.
 */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  /** False for an infinite query whose "load more" failed: the caller reports that next to its button. */
  isRefetchError?: boolean;
  refetch: () => unknown;
}

/**
 * What <QueryView> shows: the first load running, its failure, the empty state, the data, or nothing
 * (a disabled query that never ran). A failed refresh keeps the data, with the error above it.
 */
export type QueryPhase = 'loading' | 'error' | 'empty' | 'data' | 'idle';

/**
 * Empty data: an empty array, an API envelope `{ data: [] }`, or an infinite
 * query's `{ pages: [...] }` whose pages are all empty.
 */
export function isEmptyData(data: unknown): boolean {
  if (data === null || data === undefined) return true;
  if (Array.isArray(data)) return data.length === 0;
  if (typeof data === 'object') {
    const record = data as { pages?: unknown; data?: unknown };
    if (Array.isArray(record.pages)) return record.pages.every(isEmptyData);
    if (Array.isArray(record.data)) return record.data.length === 0;
  }
  return false;
}

/** Decides what <QueryView> renders; `hasEmpty` tells whether the caller gave an empty state. */
export function queryPhase<T>(
  query: QueryLike<T>,
  hasEmpty: boolean,
  isEmpty: (data: T) => boolean = isEmptyData,
): QueryPhase {
  if (query.data === undefined) {
    if (query.isError) return 'error';
    return query.isPending ? 'loading' : 'idle';
  }
  return hasEmpty && isEmpty(query.data) ? 'empty' : 'data';
}

/** A refresh failed while earlier data is still shown (not a failed "load more" of an infinite query). */
export function refreshFailed<T>(query: QueryLike<T>): boolean {
  return query.data !== undefined && query.isError && (query.isRefetchError ?? true);
}
