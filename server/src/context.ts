import type { Passport } from 'passport';
import type { ViewCounter } from './modules/listings/views';
import type { MatchWorker } from './modules/matching/worker';
import type { Search } from './modules/search/client';
import type { SearchSync } from './modules/search/sync';
import type { Config } from './platform/config';
import type { Db } from './platform/db';
import type { EventBus } from './platform/events/bus';
import type { RateLimits } from './platform/http/middleware/rateLimit';
import type { Lifecycle } from './platform/lifecycle';
import type { Logger } from './platform/logger';
import type { Realtime } from './platform/realtime/emitter';
import type { RedisClients } from './platform/redis';
import type { ServiceHealth } from './platform/services/supervisor';

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
  /** Whether the embedded services are up, restarting or failed (absent: nothing supervised, all `up`). */
  services?: ServiceHealth;
  /**
   * Flushes the outbox and the index queue (for at most the shutdown grace
   * period), stops background work and closes the connections.
   */
  shutdown(): Promise<void>;
}
