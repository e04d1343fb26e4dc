import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, type Store } from 'express-rate-limit';
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
  /** Requests left in the window. */
  remaining: number;
  /** Seconds until the window frees up (for Retry-After). */
  retryAfter: number;
}

/**
 * Per-route rate limits. Counters live in memory, or in Redis when REDIS_URL
 * is set so that every instance shares one budget. HTTP routes answer 429
 * with `Retry-After` (and the draft-8 `RateLimit` headers); socket events use
 * `consume` and answer the ack with the same error code. Both count through
 * `consume`: express-rate-limit's middleware (a SHA-256 of the key and five
 * awaits a request) was a tenth of the search API's CPU; its stores remain.
 */
export class RateLimits {
  private readonly budgets: Record<LimitName, Budget>;
  /** One store per budget, or per budget and route (see http). */
  private readonly stores = new Map<string, Store>();

  constructor(
    config: Config,
    private readonly redis?: Redis,
  ) {
    this.budgets = budgets(config);
  }

  private store(id: string, windowMs: number): Store {
    let store = this.stores.get(id);
    if (!store) {
      const redis = this.redis;
      store = redis
        ? new RedisStore({
            prefix: `tb:rl:${id}:`,
            sendCommand: (...args: string[]) => redis.sendCommand(args),
          })
        : new MemoryStore();
      // Redis stores load their scripts here; one that cannot (Redis away) tries again after a failed count.
      Promise.resolve(store.init?.({ windowMs } as never)).catch(() => undefined);
      this.stores.set(id, store);
    }
    return store;
  }

  /**
   * Express middleware for a route; `key` defaults to the client address.
   * Routes sharing a budget's name (the mail routes, say) count separately,
   * each under its `route` (its method and path); without one, a route counts
   * under the budget's own counter, the one socket events use.
   */
  http(name: LimitName, key: (req: Request) => string = ipKey, route?: string): RequestHandler {
    const { limit, windowMs, message } = this.budgets[name];
    const id = route ? `${name}:${route}` : name;
    const policy = `"${name}"; q=${limit}; w=${Math.ceil(windowMs / 1000)}`;
    this.store(id, windowMs);
    return (req, res, next) => {
      this.consume(name, key(req), id).then((hit) => {
        res.setHeader('RateLimit-Policy', policy);
        res.setHeader('RateLimit', `"${name}"; r=${hit.remaining}; t=${hit.retryAfter}`);
        if (hit.allowed) return next();
        res.setHeader('Retry-After', String(hit.retryAfter));
        next(tooManyRequests(`${message}, try again later`));
      }, next);
    };
  }

  /** Counts one use of `name` by `key` (socket events; HTTP routes pass their counter's id). */
  async consume(name: LimitName, key: string, id: string = name): Promise<Hit> {
    const { limit, windowMs } = this.budgets[name];
    const store = this.store(id, windowMs);
    let hits: Awaited<ReturnType<Store['increment']>>;
    try {
      hits = await store.increment(key);
    } catch {
      // Redis away for a moment: let requests through rather than failing them (logged by the store's client), and
      // have its script loaded again, should it have been lost with Redis or never loaded.
      Promise.resolve(store.init?.({ windowMs } as never)).catch(() => undefined);
      return { allowed: true, remaining: limit, retryAfter: 0 };
    }
    const { totalHits, resetTime } = hits;
    const retryAfter = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
    return { allowed: totalHits <= limit, remaining: Math.max(0, limit - totalHits), retryAfter };
  }

  /** Stops the in-memory stores' timers. */
  shutdown(): void {
    for (const store of this.stores.values()) store.shutdown?.();
  }
}

const ipKeys = new Map<string, string>();

/**
 * A client's key: its address, or its /56 network for IPv6 (express-rate-limit's ipKeyGenerator). Remembered for
 * the last 10,000 addresses: a server listening on both stacks sees IPv4 clients as `::ffff:a.b.c.d`, and each
 * such address cost ~50 µs to parse.
 */
export const ipKey = (req: Request): string => {
  const ip = req.ip ?? '';
  let key = ipKeys.get(ip);
  if (key === undefined) {
    if (ipKeys.size >= 10_000) ipKeys.clear();
    key = ipKeyGenerator(ip);
    ipKeys.set(ip, key);
  }
  return key;
};
