import type { Passport } from 'passport';
import type { Db } from './db';
import type { Config } from './env';
import type { EventBus } from './events/bus';
import type { Lifecycle } from './lifecycle';
import type { ViewCounter } from './listings/views';
import type { Logger } from './logger';
import type { MatchWorker } from './matching/worker';
import type { RateLimits } from './middleware/rateLimit';
import type { Realtime } from './realtime/emitter';
import type { RedisClients } from './redis';
import type { Search } from './search';
import type { SearchSync } from './search/sync';

/** Everything a request handler or command may use; one per app instance. */
export interface AppContext {
  config: Config;
  log: Logger;
  db: Db;
  search: Search;
  jwtSecret: string;
  passport: InstanceType<typeof Passport>;
  searchSync: SearchSync;
  events: EventBus;
  matcher: MatchWorker;
  realtime: Realtime;
  rateLimits: RateLimits;
  lifecycle: Lifecycle;
  views: ViewCounter;
  /** Connected when REDIS_URL is set (Socket.IO adapter, shared rate limits). */
  redis?: RedisClients;
  /**
   * Flushes the outbox and the index queue (for at most the shutdown grace
   * period), stops background work and closes the connections.
   */
  shutdown(): Promise<void>;
}
