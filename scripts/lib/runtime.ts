import fs from 'node:fs';
import path from 'node:path';
import { buildContext, type Runtime } from '../../server/src/boot';
import { type Config, loadConfig } from '../../server/src/platform/config';
import { createLogger } from '../../server/src/platform/logger';
import { startServices } from '../../server/src/platform/services';

/** The PID file the running app keeps in DATA_DIR, so scripts never open its embedded database twice. */
export function pidFile(config: Config): string {
  return path.join(config.dataDir, 'techbridge.pid');
}

export function runningAppPid(config: Config): number | null {
  try {
    const pid = Number(fs.readFileSync(pidFile(config), 'utf8'));
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/**
 * Runs maintenance work against the configured services: external ones when
 * MONGODB_URI / MEILI_URL are set, else the embedded ones of DATA_DIR (which
 * needs the app to be stopped, since they keep their data there).
 */
export async function withRuntime<T>(work: (runtime: Runtime, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  if (config.embedded && runningAppPid(config)) {
    throw new Error(
      `The app is running on ${config.dataDir} (pid ${runningAppPid(config)}). Stop it first, or point MONGODB_URI/MEILI_URL at the services.`,
    );
  }
  const services = await startServices({
    dataDir: config.dataDir,
    cacheDir: config.cacheDir,
    mongodbUri: config.mongodbUri,
    meiliUrl: config.meiliUrl,
    meiliMasterKey: config.meiliMasterKey,
    meiliBinary: config.meiliBinary,
    log: { info: () => undefined, warn: (m) => log.warn(m), error: (m) => log.error(m) },
  });
  const stop = () => void services.stop();
  process.once('SIGINT', stop);
  try {
    const runtime = await buildContext({ ...config, seedDemo: false }, log, services);
    try {
      return await work(runtime, config);
    } finally {
      await runtime.shutdown();
    }
  } finally {
    process.off('SIGINT', stop);
    await services.stop();
  }
}
