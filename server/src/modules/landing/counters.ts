import { BackgroundLoop } from '../../platform/background/loop';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { dealStore } from '../deals/store';

/** The last background counts, per database connection (a request only reads them). */
const underWay = new WeakMap<Db, number>();

/** Deals under way as last counted in the background; null until the first count after start. */
export const dealsUnderWay = (db: Db): number | null => underWay.get(db) ?? null;

/**
 * The landing page's count of deals under way: a scan, so it runs in the
 * background (at start, then every few minutes), never on a request.
 */
export class LandingCounter {
  private readonly loop: BackgroundLoop;

  constructor(db: Db, log: Logger, options: { pollMs?: number } = {}) {
    this.loop = new BackgroundLoop({
      name: 'landing counts',
      log,
      pollMs: options.pollMs ?? 5 * 60_000,
      pass: async () => {
        underWay.set(db, await dealStore(db).scanUnderWayCount());
        return false;
      },
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Counts now (tests, and after the demo data is seeded). */
  refresh(): Promise<void> {
    return this.loop.run();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
