/**
 * Records read or written lately, by id, with when: background passes that
 * need the same few records again and again (matching reads the same
 * organisations for every listing; an announcement reads the matches its
 * pass just created) take them from memory for a few seconds. The store that
 * owns them forgets a record on every write through it, and keeps nothing
 * read or written while a write was under way; another instance's write
 * shows once the record is older than the reader accepts.
 */
/**
 * How stale a background pass's read from recent records may be when another instance changed the record (writes
 * through this instance's stores show at once): the same for every store that keeps them.
 */
export const RECENT_READ_MAX_AGE_MS = 5_000;

export interface RecentRecords<T> {
  /** Each id's record (each id once): from memory if known within `maxAgeMs`, the others through `load`. */
  read(ids: unknown[], maxAgeMs: number, load: (missing: string[]) => Promise<T[]>): Promise<T[]>;
  /** Where the writes stand: pass it to `keep`. */
  mark(): number;
  /** Remembers records as read or written at `at`, unless a record was written since `mark`. */
  keep(mark: number, records: [string, T][], at: number): void;
  /** A write of the record: it is read again next time. */
  forget(id: unknown): void;
  /** Runs a write of the records, forgetting them once it is done (or failed). */
  writing<R>(ids: unknown[], work: () => Promise<R>): Promise<R>;
}

export function recentRecords<T extends { _id: unknown }>(options: {
  /** How long a record is kept at most (the oldest go first). */
  retainMs: number;
  /** How many records are kept at most. */
  capacity: number;
}): RecentRecords<T> {
  /** Oldest first: each record is re-inserted when remembered again. */
  const recent = new Map<string, { record: T; at: number }>();
  let writes = 0;
  const keep: RecentRecords<T>['keep'] = (mark, records, at) => {
    if (writes !== mark) return;
    for (const [id, record] of records) {
      recent.delete(id);
      recent.set(id, { record, at });
    }
    for (const [id, entry] of recent) {
      if (recent.size <= options.capacity && Date.now() - entry.at <= options.retainMs) break;
      recent.delete(id);
    }
  };
  const forget: RecentRecords<T>['forget'] = (id) => {
    writes += 1;
    recent.delete(String(id));
  };
  return {
    async read(ids, maxAgeMs, load) {
      const now = Date.now();
      const found: T[] = [];
      const missing: string[] = [];
      for (const id of new Set(ids.map(String))) {
        const hit = recent.get(id);
        if (hit && now - hit.at <= maxAgeMs) found.push(hit.record);
        else missing.push(id);
      }
      if (!missing.length) return found;
      const mark = writes;
      const read = await load(missing);
      keep(
        mark,
        read.map((r) => [String(r._id), r]),
        now,
      );
      return [...found, ...read];
    },
    mark: () => writes,
    keep,
    forget,
    async writing(ids, work) {
      try {
        return await work();
      } finally {
        for (const id of ids) forget(id);
      }
    },
  };
}
