import type { ListingType } from '@techbridge/shared';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { listingStore } from './store';

const FLUSH_MS = 2_000;

/**
 * View counts, added up in memory and written every two seconds as one
 * `$inc` per listing, so that reading a listing stays a read (one write per
 * view made every detail request queue behind the database's writers).
 * Counts not yet written are added when the listing is presented; a crash
 * loses at most two seconds of views. Flushed on shutdown.
 */
export class ViewCounter {
  private counts = new Map<string, { type: ListingType; id: string; n: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  add(type: ListingType, id: string, n = 1): void {
    const key = `${type}:${id}`;
    const entry = this.counts.get(key);
    if (entry) entry.n += n;
    else this.counts.set(key, { type, id, n });
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, FLUSH_MS);
    this.timer.unref();
  }

  /** Views counted here and not written yet. */
  pending(type: ListingType, id: string): number {
    return this.counts.get(`${type}:${id}`)?.n ?? 0;
  }

  async flush(): Promise<void> {
    const batch = [...this.counts.values()];
    this.counts.clear();
    await Promise.all(
      batch.map(async ({ type, id, n }) => {
        try {
          await listingStore(this.db).write(type, id, { $inc: { views: n } }, { timestamps: false });
        } catch (err) {
          // Kept for the next flush (the database may be restarting).
          this.add(type, id, n);
          this.log.warn({ err: (err as Error).message }, 'view counts deferred');
        }
      }),
    );
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
    clearTimeout(this.timer);
  }
}
