import fs from 'node:fs';
import path from 'node:path';
import { buildContext, type Runtime } from './boot';
import { DEMO_PASSWORD, demoAccounts } from './demo/seed';
import { apiRoutes, pageRenderer, socketHandlers } from './modules';
import { ConfigError, loadConfig } from './platform/config';
import { type App, createApp } from './platform/http/app';
import { createLogger, type Logger } from './platform/logger';
import { killAllChildrenSync, type Services, startServices } from './platform/services';
import { isPortFree } from './platform/services/ports';

/**
 * `npm start`: starts the embedded services the configuration does not point
 * at, the API and the React app on one port. Whatever way the process ends
 * (Ctrl-C, SIGTERM, a crash, a failed start) the services it started stop.
 */
export async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel, config.logFormat);
  const startedAt = Date.now();

  let services: Services | undefined;
  let runtime: Runtime | undefined;
  let app: App | undefined;
  let stopping = false;

  const shutdown = async (code: number, reason: string) => {
    if (stopping) return;
    stopping = true;
    services?.holdRestarts();
    log.info(`Shutting down (${reason})…`);
    // Draining requests and flushing the outbox each get the grace period; then the exit is forced.
    const force = setTimeout(
      () => {
        killAllChildrenSync();
        process.exit(code);
      },
      2 * config.shutdownGraceSeconds * 1000 + 10_000,
    );
    force.unref();
    try {
      await app?.close();
      await runtime?.shutdown();
    } catch (err) {
      log.error({ err }, 'error while closing');
    }
    await services?.stop();
    fs.rmSync(path.join(config.dataDir, 'techbridge.pid'), { force: true });
    clearTimeout(force);
    process.exit(code);
  };

  process.once('SIGINT', () => void shutdown(0, 'SIGINT'));
  process.once('SIGTERM', () => void shutdown(0, 'SIGTERM'));
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'uncaught exception');
    void shutdown(1, 'crash');
  });
  process.on('unhandledRejection', (err) => {
    log.fatal({ err }, 'unhandled rejection');
    void shutdown(1, 'crash');
  });
  process.on('exit', () => killAllChildrenSync());

  try {
    if (!(await isPortFree(config.port, config.host))) {
      throw new Error(`Port ${config.port} is already in use. Stop the other program or set PORT to another port.`);
    }
    services = await startServices({
      dataDir: config.dataDir,
      cacheDir: config.cacheDir,
      mongodbUri: config.mongodbUri,
      meiliUrl: config.meiliUrl,
      meiliMasterKey: config.meiliMasterKey,
      meiliBinary: config.meiliBinary,
      smtpUrl: config.smtpUrl,
      mailCatcher: !config.production,
      log: serviceLog(log),
    });
    runtime = await buildContext(config, log, services);
    // Maintenance scripts check this file so they never open the embedded database twice.
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(path.join(config.dataDir, 'techbridge.pid'), String(process.pid));
    app = createApp(runtime.ctx, apiRoutes, socketHandlers, pageRenderer(runtime.ctx));
    const server = app.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    const message =
      (err as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `Port ${config.port} is already in use. Stop the other program or set PORT to another port.`
        : (err as Error).message;
    log.fatal(`Start-up failed: ${message}`);
    await shutdown(1, 'failed start');
    return;
  }

  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  TechBridge is running at ${url}  (started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
    `  Database: ${services.dbEngine} · Search: ${services.meiliEmbedded ? 'embedded Meilisearch' : services.meiliUrl}`,
  ];
  // Every mail the app sends lands in the embedded catcher: its web page shows them (MailDev).
  if (services.mailWebUrl)
    lines.push(`  Mail: ${services.mailWebUrl.replace('127.0.0.1', 'localhost')}  (every mail the app sent)`);
  if (config.seedDemo) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts) lines.push(`    ${a.email.padEnd(22)} ${a.role}`);
  }
  lines.push('  Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
  void runtime.seeded.then((ready) => {
    if (ready) console.log('  Demo data ready: organisations, listings, deals and events are in place.');
  });
}

function serviceLog(log: Logger) {
  return {
    info: (m: string) => log.info(m),
    warn: (m: string) => log.warn(m),
    error: (m: string) => log.error(m),
  };
}

if (require.main === module) void main();
