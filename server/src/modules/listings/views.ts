import crypto from 'node:crypto';
import type { ListingType } from '@techbridge/shared';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { listingStore } from './store';
import { viewerStore } from './views.store';

const FLUSH_MS = 2_000;
const sha = (text: string) => crypto.createHash('sha256').update(text).digest('base64url');

/**
 * Who a viewer is, for counting: a signed-in user by id; an anonymous one by
 * a hash of address and browser, so no address is stored.
 */
export function viewerKey(viewer: { id: string } | null, ip: string | undefined, userAgent: string | undefined) {
  return viewer ? `u:${viewer.id}` : `a:${sha(`${ip ?? ''}|${userAgent ?? ''}`).slice(0, 22)}`;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * View counts: each viewer counts once a day per listing. Views are noted in
 * memory (a viewer already seen today on this instance costs nothing) and
 * every two seconds the new (listing, viewer, day) keys are inserted under
 * derived `_id`s: only the ones no instance inserted before count, added as
 * one `$inc` per listing. Reading a listing stays a read; a crash loses at
 * most two seconds of views. Flushed on shutdown.
 */
export class ViewCounter {
  private counts = new Map<string, { type: ListingType; id: string; keys: Map<string, string> }>();
  private seen = new Set<string>();
  private seenDay = today();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  add(type: ListingType, id: string, viewer: string): void {
    const day = today();
    if (day !== this.seenDay) {
      this.seen.clear();
      this.seenDay = day;
    }
    const key = sha(`${type}:${id}:${viewer}:${day}`);
    if (this.seen.has(key)) return;
    if (this.seen.size > 200_000) this.seen.clear();
    this.seen.add(key);
    const listing = `${type}:${id}`;
    const entry = this.counts.get(listing) ?? { type, id, keys: new Map() };
    entry.keys.set(key, day);
    this.counts.set(listing, entry);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, FLUSH_MS);
    this.timer.unref();
  }

  /** Viewers noted here and not written yet (an upper bound: another instance may have counted some). */
  pending(type: ListingType, id: string): number {
    return this.counts.get(`${type}:${id}`)?.keys.size ?? 0;
  }

  async flush(): Promise<void> {
    const batch = [...this.counts.values()];
    this.counts.clear();
    await Promise.all(
      batch.map(async (entry) => {
        try {
          const claimed = await viewerStore(this.db).claim([...entry.keys].map(([_id, day]) => ({ _id, day })));
          if (claimed.size)
            await listingStore(this.db).write(
              entry.type,
              entry.id,
              { $inc: { views: claimed.size } },
              { timestamps: false },
            );
        } catch (err) {
          // Kept for the next flush (the database may be restarting); claims are idempotent.
          const kept = this.counts.get(`${entry.type}:${entry.id}`) ?? { ...entry, keys: new Map() };
          for (const [k, d] of entry.keys) kept.keys.set(k, d);
          this.counts.set(`${entry.type}:${entry.id}`, kept);
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
