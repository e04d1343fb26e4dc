import type { ListingType } from '@techbridge/shared';
import type { Passport } from 'passport';
import type { DomainEvents } from './modules/domainEvents';
import type { AnyListing } from './modules/listings/model';
import type { Config } from './platform/config';
import type { Db } from './platform/db';
import type { EventRecorder, PendingEvent } from './platform/events/types';
import type { RateLimits } from './platform/http/middleware/rateLimit';
import { routeFor } from './platform/http/route';
import type { Lifecycle } from './platform/lifecycle';
import type { Logger } from './platform/logger';
import type { Mailer } from './platform/mail/queue';
import type { Realtime } from './platform/realtime/emitter';
import type { RedisClients } from './platform/redis';
import type { Search } from './platform/search/client';
import type { ServiceHealth } from './platform/services/supervisor';

/** The search index's side of listing writes: told when flagged listings wait, and fed bulk writes directly. */
export interface Indexer {
  /** Flagged listings are waiting: index them soon. */
  notify(): void;
  /** True while a bulk write or a long backlog is being indexed (the matcher lets it clear first). */
  readonly backlog: boolean;
  /**
   * Runs an import from its first write to its last row searchable: the backlog shows throughout, so
   * background matching gives way to it (someone waits for its answer).
   */
  bulk<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Writes a batch that is not flagged per listing (an import): `write` stores
   * the listings, whose search documents are made meanwhile, from memory;
   * `indexed` resolves once they are searchable. The batch's events are
   * carried by its index job, written before the listings, and delivered in
   * the background (a bulk write's alerts never hold up its own writes).
   */
  bulkWrite(
    type: ListingType,
    listings: AnyListing[],
    write: () => Promise<void>,
    events?: PendingEvent[],
  ): Promise<{ indexed: Promise<void> }>;
}

/** The matcher's side of listing writes: woken for queued work, and told what to match first. */
export interface Matcher {
  notify(): void;
  /** A user's own write: matched ahead of any bulk backlog. */
  prioritize(type: ListingType, id: string): void;
  /** The write that gave the listing `rev` published it for the first time (it has no older match). */
  firstPublished(id: string, rev: number): void;
}

/** Listing views: each viewer (a user, or a hashed address and browser) once a day, written in batches. */
export interface ViewCounts {
  add(type: ListingType, id: string, viewer: string): void;
  pending(type: ListingType, id: string): number;
}

/** Everything a request handler, command or processor may use; one per app instance. */
export interface AppContext {
  config: Config;
  log: Logger;
  db: Db;
  search: Search;
  jwtSecret: string;
  passport: InstanceType<typeof Passport>;
  events: EventRecorder<DomainEvents>;
  indexer: Indexer;
  matcher: Matcher;
  realtime: Realtime;
  rateLimits: RateLimits;
  lifecycle: Lifecycle;
  views: ViewCounts;
  /** The persistent mail queue: queue a rendered mail and go on (see platform/mail/queue.ts). */
  mail: Mailer;
  /** Connected when REDIS_URL is set (Socket.IO adapter, shared rate limits). */
  redis?: RedisClients;
  /** Whether the embedded services are up, restarting or failed (absent: nothing supervised, all `up`). */
  services?: ServiceHealth;
}

/** Declares a route of this app (see platform/http/route.ts). */
export const route = routeFor<AppContext>();
