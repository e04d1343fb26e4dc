import { keyedMutex } from '../../platform/lib/keyedMutex';

/**
 * Every write to a listing document in this process goes through this lock.
 * FerretDB applies an update as read-modify-write; two concurrent updates of
 * one document (an edit and the search sync clearing its flag, say) could
 * otherwise lose one of them. On MongoDB the lock is merely redundant.
 */
const perListing = keyedMutex();

export function withListingLock<T>(id: unknown, work: () => Promise<T>): Promise<T> {
  return perListing(String(id), work);
}

/** The lock of every given key at once, taken in one order so two holders never wait on each other. */
export function withLocks<T>(lock: ReturnType<typeof keyedMutex>, keys: string[], work: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(keys)].sort();
  const take = (i: number): Promise<T> => (i === sorted.length ? work() : lock(sorted[i], () => take(i + 1)));
  return take(0);
}

export function withListingLocks<T>(ids: unknown[], work: () => Promise<T>): Promise<T> {
  return withLocks(perListing, ids.map(String), work);
}
