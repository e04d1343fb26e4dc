import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildContext, type Workers } from '../../server/src/boot';
import type { AppContext } from '../../server/src/context';
import { apiRoutes, pageRenderer, socketHandlers } from '../../server/src/modules';
import { type Config, loadConfig } from '../../server/src/platform/config';
import { type App, createApp } from '../../server/src/platform/http/app';
import { defaultCacheDir } from '../../server/src/platform/services';
import { indexFerretdbIds } from '../../server/src/platform/services/ferretdb';
import { modelsOf } from './models';

export interface TestApp {
  ctx: AppContext;
  /** The background workers (search sync, matcher, outbox, view counts, mail queue, digest). */
  workers: Workers;
  /** The app's models, to set up and check stored state. */
  models: ReturnType<typeof modelsOf>;
  /** Waits until the outbox, the index and the matcher have nothing left to do. */
  settle(): Promise<void>;
  /** The demo world's seeding, as `npm start` waits for it (false unless `seedDemo` is set). */
  seeded: Promise<boolean>;
  app: App;
  /** Base URL of the listening server, for socket.io-client and fetch. */
  url: string;
  close(): Promise<void>;
}

/** Services started by the Jest global setup. */
export function testServices() {
  const mongodbUri = process.env.TB_TEST_MONGODB_URI;
  const meiliUrl = process.env.TB_TEST_MEILI_URL;
  if (!mongodbUri || !meiliUrl) throw new Error('Integration tests need the Jest global setup (npm test)');
  const dataDir = process.env.TB_TEST_DATA_DIR;
  return {
    mongodbUri,
    meiliUrl,
    meiliMasterKey: process.env.TB_TEST_MEILI_KEY ?? '',
    smtpUrl: process.env.TB_TEST_SMTP_URL || undefined,
    // The same engine tuning as the app's own services (FerretDB: the _id lookup index).
    prepareDatabase: async (dbName: string) => {
      if (process.env.TB_TEST_DB_ENGINE === 'ferretdb' && dataDir)
        await indexFerretdbIds(process.env.CACHE_DIR ?? defaultCacheDir, dataDir, dbName);
    },
  };
}

/**
 * A real app on its own database and index prefix, listening on a free port.
 * Nothing is mocked: it talks to the FerretDB/mongod and Meilisearch of the run.
 */
export async function startTestApp(
  overrides: Partial<Config> = {},
  services = testServices(),
  options: { keepData?: boolean } = {},
): Promise<TestApp> {
  const id = crypto.randomBytes(5).toString('hex');
  const base = loadConfig({ NODE_ENV: 'test' });
  const config: Config = {
    ...base,
    dataDir: path.join(process.env.TB_TEST_DATA_DIR ?? os.tmpdir(), `app-${id}`),
    mongodbDb: `t_${id}`,
    meiliIndexPrefix: `t_${id}_`,
    jwtSecret: crypto.randomBytes(32).toString('hex'),
    seedDemo: false,
    rateLimits: {
      login: 1000,
      register: 1000,
      refresh: 1000,
      search: 100_000,
      message: 100_000,
      create: 100_000,
      mail: 100_000,
    },
    ...overrides,
  };
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const runtime = await buildContext(config, log, services);
  const { ctx, workers } = runtime;
  const app = createApp(ctx, apiRoutes, socketHandlers, pageRenderer(ctx));
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  return {
    ctx,
    workers,
    models: modelsOf(ctx.db),
    seeded: runtime.seeded,
    async settle() {
      await workers.outbox.settled();
      await workers.searchSync.settled();
      await workers.matcher.settled();
      await workers.outbox.settled();
    },
    app,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await Promise.all([
        workers.searchSync.stop(),
        workers.matcher.stop(),
        workers.outbox.stop(),
        workers.views.stop(),
        workers.mail.stop(),
        workers.digest.stop(),
      ]);
      // A second instance on another's database (a restart) leaves the data to the first.
      if (!options.keepData) {
        await ctx.db.connection.dropDatabase().catch(() => undefined);
        await ctx.search.client.deleteIndex(workers.searchSync.indexUid).catch(() => undefined);
      }
      await runtime.shutdown();
    },
  };
}

/** Retries an assertion until it passes or the time is up (for eventually-consistent reads). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
