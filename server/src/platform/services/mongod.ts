import fs from 'node:fs';
import path from 'node:path';
import type { MongoMemoryServer } from 'mongodb-memory-server';
import type { ServiceLog } from './child';
import type { SupervisedChild } from './supervisor';

export interface MongodInstance {
  uri: string;
  /** The running mongod, for the supervisor. */
  child: SupervisedChild;
  /** Starts mongod again on the same port and data directory (after it died). */
  restart(): Promise<SupervisedChild>;
}

/** How long a failed mongod download is remembered before trying again. */
const RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * A real mongod through mongodb-memory-server, when a binary can be had: the
 * system's (MONGOMS_SYSTEM_BINARY or a mongod on PATH), the download cache, or a
 * download. Offline, the download fails in seconds; the failure is remembered in
 * the cache so later starts go straight to the fallback. Returns null when no
 * binary can be had.
 */
export async function tryStartMongod(
  dataDir: string,
  cacheDir: string,
  log: ServiceLog,
  timeoutMs = 20_000,
): Promise<MongodInstance | null> {
  const marker = path.join(cacheDir, 'mongod-unavailable');
  if (!process.env.MONGOMS_SYSTEM_BINARY && fs.existsSync(marker)) {
    const age = Date.now() - fs.statSync(marker).mtimeMs;
    if (age < RETRY_AFTER_MS) {
      log.info('No mongod binary (download failed recently); using the fallback');
      return null;
    }
  }
  const systemMongod = findOnPath('mongod');
  if (systemMongod && !process.env.MONGOMS_SYSTEM_BINARY) process.env.MONGOMS_SYSTEM_BINARY = systemMongod;

  const { MongoMemoryServer } = await import('mongodb-memory-server');
  const dbPath = path.join(dataDir, 'mongodb');
  fs.mkdirSync(dbPath, { recursive: true });
  const create = (port?: number) =>
    MongoMemoryServer.create({
      instance: { dbPath, ip: '127.0.0.1', storageEngine: 'wiredTiger', port },
      binary: { downloadDir: path.join(cacheDir, 'mongodb-binaries') },
    });
  // mongodb-memory-server reports a failed download on the console with a
  // stack trace; the outcome is logged below in one line instead.
  const quiet = silenceConsole();
  const creating = create();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([creating, timeout]);
    if (result === 'timeout') {
      // Never leave a late starter running.
      void creating.then((s) => s.stop({ doCleanup: false })).catch(() => undefined);
      throw new Error(`no mongod within ${timeoutMs} ms`);
    }
    const port = result.instanceInfo?.port;
    let child: SupervisedChild;
    try {
      child = asChild(result);
    } catch (err) {
      await result.stop({ doCleanup: false });
      throw err;
    }
    return {
      uri: result.getUri(),
      child,
      // The same port and data directory; the binary is in the cache by now.
      restart: async () => asChild(await create(port)),
    };
  } catch (err) {
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(marker, `${new Date().toISOString()} ${firstLine(err)}\n`);
    log.info(`No mongod available (${firstLine(err)}); using the fallback`);
    return null;
  } finally {
    clearTimeout(timer);
    quiet.restore();
  }
}

/** The mongod process of a MongoMemoryServer, as the supervisor sees it (its own mongo_killer is its watchdog). */
function asChild(server: MongoMemoryServer): SupervisedChild {
  const proc = server.instanceInfo?.instance.mongodProcess;
  if (!proc?.pid) throw new Error('mongodb-memory-server started no mongod process');
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve({ code: proc.exitCode, signal: proc.signalCode });
    else proc.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return {
    pid: proc.pid,
    exited,
    stop: async () => {
      await server.stop({ doCleanup: false, force: false });
    },
  };
}

function firstLine(err: unknown): string {
  const e = err as { msg?: string; message?: string };
  return String(e.msg ?? e.message ?? err).split('\n')[0];
}

function silenceConsole(): { restore(): void } {
  const { warn, error } = console;
  console.warn = () => undefined;
  console.error = () => undefined;
  return {
    restore() {
      console.warn = warn;
      console.error = error;
    },
  };
}

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
