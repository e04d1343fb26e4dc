import path from 'node:path';
import { killAllChildrenSync, type ServiceLog, stopAllChildren } from './child';
import { ensureFerretdb, FERRETDB_VERSION, indexFerretdbIds, startFerretdb } from './ferretdb';
import { findMeiliBinary, startMeili, waitForMeili } from './meili';
import { tryStartMongod } from './mongod';

export type DbEngine = 'external' | 'mongod' | 'ferretdb';

export interface ServicesOptions {
  /** Where embedded services keep their data (DATA_DIR). */
  dataDir: string;
  /** Where built or downloaded binaries are cached, shared across data dirs. */
  cacheDir: string;
  mongodbUri?: string;
  meiliUrl?: string;
  meiliMasterKey?: string;
  meiliBinary?: string;
  /** Skip the mongod attempt (tests that exercise FerretDB on purpose). */
  skipMongod?: boolean;
  log: ServiceLog;
}

export interface Services {
  mongodbUri: string;
  dbEngine: DbEngine;
  meiliUrl: string;
  meiliMasterKey: string;
  meiliEmbedded: boolean;
  /** PIDs of the processes this module started (for tests and diagnostics). */
  pids: number[];
  /** Engine-specific tuning of a database once its collections exist (FerretDB: the _id lookup index). */
  prepareDatabase(dbName: string): Promise<void>;
  stop(): Promise<void>;
}

export const defaultCacheDir = path.resolve(__dirname, '../../../../.cache');

/**
 * Starts whatever the configuration does not point at: a MongoDB-compatible
 * server (mongod, else FerretDB) and Meilisearch. If any part fails, everything
 * already started is stopped before the error is rethrown.
 */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const { log } = options;
  const stops: (() => Promise<void>)[] = [];
  const pids: number[] = [];
  const stop = async () => {
    await Promise.allSettled(stops.reverse().map((s) => s()));
    stops.length = 0;
  };
  try {
    let mongodbUri: string;
    let dbEngine: DbEngine;
    let prepareDatabase = async (_dbName: string): Promise<void> => undefined;
    if (options.mongodbUri) {
      mongodbUri = options.mongodbUri;
      dbEngine = 'external';
      log.info('Database: external MongoDB (MONGODB_URI)');
    } else {
      const mongod = options.skipMongod ? null : await tryStartMongod(options.dataDir, options.cacheDir, log);
      if (mongod) {
        stops.push(mongod.stop);
        mongodbUri = mongod.uri;
        dbEngine = 'mongod';
        log.info(`Database: embedded mongod (mongodb-memory-server) at ${mongod.uri}`);
      } else {
        const binary = await ensureFerretdb(options.cacheDir, log);
        const ferret = await startFerretdb(binary, options.dataDir);
        stops.push(() => ferret.child.stop());
        pids.push(ferret.child.pid);
        mongodbUri = ferret.uri;
        dbEngine = 'ferretdb';
        prepareDatabase = async (dbName) => {
          const created = await indexFerretdbIds(options.cacheDir, options.dataDir, dbName);
          if (created) log.info(`FerretDB: _id lookup index added to ${created} collections of ${dbName}`);
        };
        log.info(`Database: embedded FerretDB ${FERRETDB_VERSION} (SQLite) at ${ferret.uri}`);
      }
    }

    let meiliUrl: string;
    let meiliMasterKey: string;
    let meiliEmbedded = false;
    if (options.meiliUrl) {
      meiliUrl = options.meiliUrl.replace(/\/$/, '');
      meiliMasterKey = options.meiliMasterKey ?? '';
      await waitForMeili(meiliUrl, 10_000);
      log.info(`Search: external Meilisearch at ${meiliUrl}`);
    } else {
      const meili = await startMeili(findMeiliBinary(options.meiliBinary), options.dataDir);
      stops.push(() => meili.child.stop());
      pids.push(meili.child.pid);
      meiliUrl = meili.url;
      meiliMasterKey = meili.masterKey;
      meiliEmbedded = true;
      log.info(`Search: embedded Meilisearch at ${meili.url}`);
    }
    return { mongodbUri, dbEngine, meiliUrl, meiliMasterKey, meiliEmbedded, pids, prepareDatabase, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

export type { ServiceLog };
export { killAllChildrenSync, stopAllChildren };
