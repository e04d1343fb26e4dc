import type { Passport } from 'passport';
import type { Db } from './db';
import type { Config } from './env';
import type { Logger } from './logger';
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
  /** Stops background work and closes the database connection. */
  shutdown(): Promise<void>;
}
