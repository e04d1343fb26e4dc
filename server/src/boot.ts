import { createPassport } from './auth/passport';
import type { AppContext } from './context';
import { connectDb } from './db';
import { type Config, resolveJwtSecret } from './env';
import type { Logger } from './logger';
import { createSearch } from './search';
import { SearchSync } from './search/sync';
import { bootstrapAdmin, seedDemo } from './seed';

/**
 * Builds an app context against running services: connects the database,
 * creates indexes, seeds or bootstraps accounts as configured.
 */
export async function buildContext(
  config: Config,
  log: Logger,
  services: { mongodbUri: string; meiliUrl: string; meiliMasterKey: string },
): Promise<AppContext> {
  const db = await connectDb(services.mongodbUri, config.mongodbDb);
  const search = createSearch(services.meiliUrl, services.meiliMasterKey, config.meiliIndexPrefix);
  const jwtSecret = resolveJwtSecret(config);
  const searchSync = new SearchSync(db, search, log);
  try {
    await searchSync.ensureIndex();
  } catch (err) {
    // Search may be down at boot; the sync loop creates the index once it is back.
    log.warn({ err: (err as Error).message }, 'search index not ready yet');
  }
  searchSync.start();
  const ctx: AppContext = {
    config,
    log,
    db,
    search,
    jwtSecret,
    passport: createPassport(db.models, jwtSecret),
    searchSync,
    async shutdown() {
      await searchSync.stop();
      await db.close();
    },
  };
  if (config.seedDemo) await seedDemo(db.models, log);
  if (config.adminEmail && config.adminPassword)
    await bootstrapAdmin(db.models, config.adminEmail, config.adminPassword, log);
  return ctx;
}
