import { createPassport } from './auth/passport';
import type { AppContext } from './context';
import { connectDb } from './db';
import { type Config, resolveJwtSecret } from './env';
import type { Logger } from './logger';
import { createSearch } from './search';
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
  const ctx: AppContext = { config, log, db, search, jwtSecret, passport: createPassport(db.models, jwtSecret) };
  if (config.seedDemo) await seedDemo(db.models, log);
  if (config.adminEmail && config.adminPassword)
    await bootstrapAdmin(db.models, config.adminEmail, config.adminPassword, log);
  return ctx;
}
