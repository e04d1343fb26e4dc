import type { AppContext } from './context';
import { bootstrapAdmin, seedDemo, seedDemoListings } from './demo/seed';
import { createPassport } from './modules/accounts/passport';
import { sweepFlags } from './modules/listings/queue';
import { ViewCounter } from './modules/listings/views';
import { MatchWorker } from './modules/matching/worker';
import { registerHandlers } from './modules/notifications/handlers';
import { createSearch } from './modules/search/client';
import { SearchSync } from './modules/search/sync';
import { type Config, resolveJwtSecret } from './platform/config';
import { connectDb } from './platform/db';
import { EventBus } from './platform/events/bus';
import { RateLimits } from './platform/http/middleware/rateLimit';
import { Lifecycle } from './platform/lifecycle';
import type { Logger } from './platform/logger';
import { Realtime } from './platform/realtime/emitter';
import { connectRedisClients } from './platform/redis';
import type { Services } from './platform/services';

/**
 * Builds an app context against running services: connects the database,
 * creates indexes, seeds or bootstraps accounts as configured.
 */
export async function buildContext(
  config: Config,
  log: Logger,
  services: Pick<Services, 'mongodbUri' | 'meiliUrl' | 'meiliMasterKey'> &
    Partial<Pick<Services, 'prepareDatabase' | 'health'>>,
): Promise<AppContext> {
  const db = await connectDb(services.mongodbUri, config.mongodbDb, services.prepareDatabase);
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
  const events = new EventBus(db, log);
  const redis = config.redisUrl ? await connectRedisClients(config.redisUrl, log) : undefined;
  const rateLimits = new RateLimits(config, redis?.pub);
  const ctx: AppContext = {
    config,
    log,
    db,
    search,
    jwtSecret,
    passport: createPassport(db.models, jwtSecret),
    searchSync,
    events,
    realtime: new Realtime(),
    rateLimits,
    lifecycle: new Lifecycle(),
    views: new ViewCounter(db, log),
    redis,
    services: services.health,
    // Assigned just below: the worker needs the finished context.
    matcher: undefined as unknown as MatchWorker,
    async shutdown() {
      // What this instance accepted reaches the outbox's subscribers and the index, if the services allow.
      const grace = config.shutdownGraceSeconds * 1000;
      await ctx.matcher.stop();
      await Promise.allSettled([events.settled(grace), searchSync.settled(grace)]);
      await Promise.all([searchSync.stop(), events.stop(), ctx.views.stop()]);
      rateLimits.shutdown();
      await Promise.all([redis?.pub.quit(), redis?.sub.quit()]).catch(() => undefined);
      await db.close();
    },
  };
  ctx.matcher = new MatchWorker(ctx);
  sweepAfterOutages(ctx);
  registerHandlers(ctx);
  ctx.matcher.start();
  events.start();
  if (config.seedDemo) {
    await seedDemo(db.models, log);
    await seedDemoListings(ctx);
  }
  if (config.adminEmail && config.adminPassword)
    await bootstrapAdmin(db.models, config.adminEmail, config.adminPassword, log);
  return ctx;
}

/**
 * A write cut off by a database outage can leave a listing flagged but not
 * queued (its enqueue follows the flag's write), which only the sweep finds:
 * it runs at start, then every 15 minutes. Now that the app outlives such an
 * outage (an embedded database is restarted under it), the sweep also runs
 * each time the connection comes back, so that the index and the matches
 * catch up within seconds rather than a quarter of an hour.
 */
function sweepAfterOutages(ctx: AppContext): void {
  let sweeping = false;
  ctx.db.connection.on('reconnected', () => {
    if (sweeping) return;
    sweeping = true;
    sweepFlags(ctx.db.models)
      .then((found) => {
        if (!found) return;
        ctx.log.warn({ found }, 'flagged listings missing from the work queues after a database outage were queued');
        ctx.searchSync.notify();
        ctx.matcher.notify();
      })
      .catch((err) => ctx.log.warn({ err: (err as Error).message }, 'sweep after reconnection failed'))
      .finally(() => {
        sweeping = false;
      });
  });
}
