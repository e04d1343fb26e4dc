import path from 'node:path';
import { killAllChildrenSync, type ServiceLog, stopAllChildren } from './child';
import { ensureFerretdb, FERRETDB_VERSION, indexFerretdbIds, startFerretdb } from './ferretdb';
import { startMaildev } from './maildev';
import { findMeiliBinary, startMeili, waitForMeili } from './meili';
import { tryStartMongod } from './mongod';
import { getFreePort } from './ports';
import {
  DEFAULT_RESTART_POLICY,
  type RestartPolicy,
  type ServiceHealth,
  type ServiceName,
  type ServiceState,
  SupervisedHealth,
  Supervisor,
} from './supervisor';

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
  /** An external mail server; when absent, the mail catcher (MailDev) is started unless `mailCatcher` is false. */
  smtpUrl?: string;
  /** Start the embedded mail catcher when no SMTP_URL is given (false in production: no catcher there). */
  mailCatcher?: boolean;
  /** Skip the mongod attempt (tests that exercise FerretDB on purpose). */
  skipMongod?: boolean;
  /** How a child that died is restarted (tests shorten it). */
  restartPolicy?: RestartPolicy;
  log: ServiceLog;
}

export interface Services {
  mongodbUri: string;
  dbEngine: DbEngine;
  meiliUrl: string;
  meiliMasterKey: string;
  meiliEmbedded: boolean;
  /** Where mail is sent: SMTP_URL, or the embedded catcher's SMTP port; absent when there is neither. */
  smtpUrl?: string;
  /** The embedded mail catcher's web interface (every mail the app sent), when it runs. */
  mailWebUrl?: string;
  /** PIDs of the service processes running now (a restarted child has a new one), for tests and diagnostics. */
  readonly pids: number[];
  /** The PID of the process behind a service, if it is embedded and running. */
  pidOf(name: ServiceName | 'mail'): number | undefined;
  /** Whether each embedded service is up, restarting or failed (external services are always `up`). */
  health: ServiceHealth;
  /** Engine-specific tuning of a database once its collections exist (FerretDB: the _id lookup index). */
  prepareDatabase(dbName: string): Promise<void>;
  /** No child is restarted from now on (the app is stopping). */
  holdRestarts(): void;
  /** Stops every child (never restarted after this). */
  stop(): Promise<void>;
}

export const defaultCacheDir = path.resolve(__dirname, '../../../../.cache');

/**
 * Starts whatever the configuration does not point at: a MongoDB-compatible
 * server (mongod, else FerretDB), Meilisearch and the mail catcher (MailDev,
 * without SMTP_URL). If any part fails, everything already started is stopped
 * before the error is rethrown.
 */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const { log } = options;
  const policy = options.restartPolicy ?? DEFAULT_RESTART_POLICY;
  const supervisors = new Map<ServiceName | 'mail', Supervisor>();
  const health = new SupervisedHealth();
  const supervise = async (name: ServiceName | 'mail', supervisor: Supervisor) => {
    supervisors.set(name, supervisor);
    await supervisor.start();
    // Mail is sent through a persistent queue: a catcher that is away delays mail, it never gates requests.
    if (name !== 'mail') health.watch(name, supervisor);
  };
  const stop = async () => {
    for (const s of supervisors.values()) s.hold();
    // The mail catcher and search first, then the database (the reverse of the start order).
    await Promise.allSettled([...supervisors.values()].reverse().map((s) => s.stop()));
  };
  // The mail catcher needs nothing else: it starts while the database and search do (about 1.5 s saved).
  let smtpUrl = options.smtpUrl;
  let mailWebUrl: string | undefined;
  const mailStarted = (async () => {
    if (smtpUrl || options.mailCatcher === false) {
      if (smtpUrl) log.info('Mail: external SMTP server (SMTP_URL)');
      return;
    }
    // Ports chosen once: a restarted catcher listens where the app's transport and the banner point.
    const ports = { smtp: await getFreePort(), web: await getFreePort() };
    await supervise(
      'mail',
      new Supervisor('MailDev', async () => (await startMaildev(options.dataDir, ports)).child, log, policy),
    );
    smtpUrl = `smtp://127.0.0.1:${ports.smtp}`;
    mailWebUrl = `http://127.0.0.1:${ports.web}`;
    log.info(`Mail: embedded MailDev catcher, SMTP ${smtpUrl}, web ${mailWebUrl}`);
  })().then(
    () => undefined,
    (err: unknown) => err as Error,
  );
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
        let first: typeof mongod.child | undefined = mongod.child;
        const start = async () => {
          const child = first ?? (await mongod.restart());
          first = undefined;
          return child;
        };
        await supervise('db', new Supervisor('mongod', start, log, policy));
        mongodbUri = mongod.uri;
        dbEngine = 'mongod';
        log.info(`Database: embedded mongod (mongodb-memory-server) at ${mongod.uri}`);
      } else {
        const binary = await ensureFerretdb(options.cacheDir, log);
        // Chosen once: a restarted FerretDB listens where the app's driver already looks.
        const port = await getFreePort();
        const ferret = new Supervisor(
          'FerretDB',
          async () => (await startFerretdb(binary, options.dataDir, port)).child,
          log,
          policy,
        );
        await supervise('db', ferret);
        mongodbUri = `mongodb://127.0.0.1:${port}/`;
        dbEngine = 'ferretdb';
        prepareDatabase = async (dbName) => {
          const created = await indexFerretdbIds(options.cacheDir, options.dataDir, dbName);
          if (created) log.info(`FerretDB: _id lookup index added to ${created} collections of ${dbName}`);
        };
        log.info(`Database: embedded FerretDB ${FERRETDB_VERSION} (SQLite) at ${mongodbUri}`);
      }
    }

    let meiliUrl: string;
    let meiliMasterKey = '';
    let meiliEmbedded = false;
    if (options.meiliUrl) {
      meiliUrl = options.meiliUrl.replace(/\/$/, '');
      meiliMasterKey = options.meiliMasterKey ?? '';
      await waitForMeili(meiliUrl, 10_000);
      log.info(`Search: external Meilisearch at ${meiliUrl}`);
    } else {
      const binary = findMeiliBinary(options.meiliBinary);
      const port = await getFreePort();
      const meili = new Supervisor(
        'Meilisearch',
        async () => {
          const started = await startMeili(binary, options.dataDir, port);
          meiliMasterKey = started.masterKey;
          return started.child;
        },
        log,
        policy,
      );
      await supervise('search', meili);
      meiliUrl = `http://127.0.0.1:${port}`;
      meiliEmbedded = true;
      log.info(`Search: embedded Meilisearch at ${meiliUrl}`);
    }
    const mailFailed = await mailStarted;
    if (mailFailed) throw mailFailed;
    const pidOf = (name: ServiceName | 'mail') => supervisors.get(name)?.pid;
    return {
      mongodbUri,
      dbEngine,
      meiliUrl,
      meiliMasterKey,
      meiliEmbedded,
      smtpUrl,
      mailWebUrl,
      get pids() {
        return [...supervisors.values()].map((s) => s.pid).filter((p): p is number => p !== undefined);
      },
      pidOf,
      health,
      prepareDatabase,
      holdRestarts: () => {
        for (const s of supervisors.values()) s.hold();
      },
      stop,
    };
  } catch (err) {
    // A catcher still starting is stopped too (its supervisor is held; its start then stops the child).
    await stop();
    await mailStarted;
    await stop();
    throw err;
  }
}

export type { RestartPolicy, ServiceHealth, ServiceLog, ServiceName, ServiceState };
export { killAllChildrenSync, stopAllChildren };
