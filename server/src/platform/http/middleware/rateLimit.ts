import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit, type Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import type { Config } from '../../config';
import { tooManyRequests } from '../../errors';
import type { Redis } from '../../redis';

/** The routes with their own budgets; every limit is configurable (see env.ts). */
export type LimitName = 'login' | 'register' | 'refresh' | 'search' | 'message' | 'create' | 'mail';

interface Budget {
  limit: number;
  windowMs: number;
  message: string;
}

const budgets = (config: Config): Record<LimitName, Budget> => ({
  login: { limit: config.rateLimits.login, windowMs: 15 * 60_000, message: 'Too many login attempts' },
  register: { limit: config.rateLimits.register, windowMs: 15 * 60_000, message: 'Too many registrations' },
  refresh: { limit: config.rateLimits.refresh, windowMs: 15 * 60_000, message: 'Too many session refreshes' },
  search: { limit: config.rateLimits.search, windowMs: 60_000, message: 'Too many searches' },
  message: { limit: config.rateLimits.message, windowMs: 60_000, message: 'Too many messages' },
  create: { limit: config.rateLimits.create, windowMs: 10 * 60_000, message: 'Too many listings created' },
  mail: { limit: config.rateLimits.mail, windowMs: 15 * 60_000, message: 'Too many e-mails requested' },
});

export interface Hit {
  allowed: boolean;
  /** Seconds until the window frees up (for Retry-After). */
  retryAfter: number;
}

/**
 * Per-route rate limits. Counters live in memory, or in Redis when REDIS_URL
 * is set so that every instance shares one budget. HTTP routes answer 429
 * with `Retry-After` (and the draft-8 `RateLimit` headers); socket events use
 * `consume` and answer the ack with the same error code.
 */
export class RateLimits {
  private readonly budgets: Record<LimitName, Budget>;
  /** One store per limiter (express-rate-limit refuses a store shared by two): by name, or name and route. */
  private readonly stores = new Map<string, Store>();

  constructor(
    config: Config,
    private readonly redis?: Redis,
  ) {
    this.budgets = budgets(config);
  }

  private store(id: string): Store {
    let store = this.stores.get(id);
    if (!store) {
      const redis = this.redis;
      store = redis
        ? new RedisStore({
            prefix: `tb:rl:${id}:`,
            sendCommand: (...args: string[]) => redis.sendCommand(args),
          })
        : new MemoryStore();
      this.stores.set(id, store);
    }
    return store;
  }

  /**
   * Express middleware for a route; `key` defaults to the client address.
   * Routes sharing a budget's name (the mail routes, say) count separately,
   * each under its `route` (its method and path).
   */
  http(name: LimitName, key: (req: Request) => string = ipKey, route?: string): RequestHandler {
    const { limit, windowMs, message } = this.budgets[name];
    const id = route ? `${name}:${route}` : name;
    return rateLimit({
      windowMs,
      limit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      identifier: name,
      keyGenerator: key,
      store: this.store(id),
      // Redis away for a moment: let requests through rather than failing them (logged by the store's client).
      passOnStoreError: true,
      // One budget may guard several routes (creating an offer or a demand): they share its store on purpose.
      validate: { unsharedStore: false },
      // express-rate-limit has set Retry-After by now; the error keeps our usual body.
      handler: (_req, _res, next) => next(tooManyRequests(`${message}, try again later`)),
    });
  }

  /** Counts one use of `name` by `key` (socket events). */
  async consume(name: LimitName, key: string): Promise<Hit> {
    const { limit, windowMs } = this.budgets[name];
    let store = this.stores.get(name);
    if (!store) {
      // Not behind an HTTP route: initialised here, as express-rate-limit does for the others.
      store = this.store(name);
      store.init?.({ windowMs } as never);
    }
    let hits: Awaited<ReturnType<Store['increment']>>;
    try {
      hits = await store.increment(key);
    } catch {
      // As for HTTP routes: a counter outage does not stop the chat.
      return { allowed: true, retryAfter: 0 };
    }
    const { totalHits, resetTime } = hits;
    const retryAfter = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
    return { allowed: totalHits <= limit, retryAfter };
  }

  /** Stops the in-memory stores' timers. */
  shutdown(): void {
    for (const store of this.stores.values()) store.shutdown?.();
  }
}

export const ipKey = (req: Request) => ipKeyGenerator(req.ip ?? '');
