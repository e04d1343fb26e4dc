import type { AppContext } from './context';
import { seedDemoCovers } from './demo/covers';
import { bootstrapAdmin } from './demo/seed';
import { startDemoWorld } from './demo/world/seed';
import { eventSources, mailGuards, modelDefinitions, processors } from './modules';
import { createPassport } from './modules/accounts/passport';
import type { DomainEvents } from './modules/domainEvents';
import { LandingCounter } from './modules/landing/counters';
import { ViewCounter } from './modules/listings/views';
import { MatchWorker } from './modules/matching/worker';
import { DigestWorker } from './modules/notifications/digest';
import { SearchSync } from './modules/search/indexer';
import { type Config, resolveJwtSecret } from './platform/config';
import { connectDb } from './platform/db';
import { outboxModel, outboxModels } from './platform/events/model';
import { Outbox } from './platform/events/outbox';
import { RateLimits } from './platform/http/middleware/rateLimit';
import { leaseModels } from './platform/lease';
import { Lifecycle } from './platform/lifecycle';
import type { Logger } from './platform/logger';
import { mailModels, mailQueueModels } from './platform/mail/model';
import { MailQueue } from './platform/mail/queue';
import { MailSendError, type MailTransport, smtpTransport } from './platform/mail/transport';
import { Realtime } from './platform/realtime/emitter';
import { connectRedisClients } from './platform/redis';
import { createSearch } from './platform/search/client';
import type { Services } from './platform/services';
import { dropUniqueEmailIndex } from './upgrade/emailIndex';
import { metaModels, upgradeLayout } from './upgrade/keyCollections';

/** The background workers behind the context's small interfaces (for shutdown, scripts and tests). */
export interface Workers {
  searchSync: SearchSync;
  matcher: MatchWorker;
  outbox: Outbox<DomainEvents>;
  views: ViewCounter;
  mail: MailQueue;
  digest: DigestWorker;
  /** The landing page's background count of deals under way. */
  landing: LandingCounter;
}

/** A running app instance's context, its workers, and how to stop them. */
export interface Runtime {
  ctx: AppContext;
  workers: Workers;
  /**
   * The demo world's seeding (when configured), running in the background so
   * the server answers meanwhile; resolves true once the world is in place
   * (seeded now or before), false when not configured or when seeding failed.
   */
  seeded: Promise<boolean>;
  /**
   * Flushes the outbox and the index queue (for at most the shutdown grace
   * period), stops background work and closes the connections.
   */
  shutdown(): Promise<void>;
}

type ServicesInfo = Pick<Services, 'mongodbUri' | 'meiliUrl' | 'meiliMasterKey'> &
  Partial<Pick<Services, 'prepareDatabase' | 'health' | 'smtpUrl'>>;

/** No mail server at all (only when the catcher is turned off): mails wait in the queue. */
const noTransport: MailTransport = {
  send: async () => {
    throw new MailSendError('no mail server configured (SMTP_URL)', false);
  },
  close: () => undefined,
};

/**
 * The composition root: connects the database with every module's models,
 * builds the context, wires the workers and the event processors, and seeds
 * or bootstraps accounts as configured.
 */
export async function buildContext(config: Config, log: Logger, services: ServicesInfo): Promise<Runtime> {
  const db = await connectDb(
    services.mongodbUri,
    config.mongodbDb,
    [...outboxModels, ...mailModels, ...metaModels, ...leaseModels, ...modelDefinitions],
    services.prepareDatabase,
  );
  await upgradeLayout(db, log);
  await dropUniqueEmailIndex(db, log);
  const search = createSearch(services.meiliUrl, services.meiliMasterKey, config.meiliIndexPrefix);
  const jwtSecret = resolveJwtSecret(config);
  const outbox = new Outbox<DomainEvents>(outboxModel(db.connection), log);
  const searchSync = new SearchSync(db, search, log, outbox);
  try {
    await searchSync.ensureIndex();
  } catch (err) {
    // Search may be down at boot; the sync creates the index once it is back.
    log.warn({ err: (err as Error).message }, 'search index not ready yet');
  }
  const redis = config.redisUrl ? await connectRedisClients(config.redisUrl, log) : undefined;
  const rateLimits = new RateLimits(config, redis?.pub);
  const views = new ViewCounter(db, log);
  const smtpUrl = config.smtpUrl ?? services.smtpUrl;
  const mailTables = mailQueueModels(db.connection);
  const mail = new MailQueue(
    mailTables.queue,
    mailTables.log,
    smtpUrl ? smtpTransport(smtpUrl) : noTransport,
    config.mailFrom,
    log,
  );
  const ctx = {
    config,
    log,
    db,
    search,
    jwtSecret,
    passport: createPassport(db, jwtSecret),
    events: outbox,
    indexer: searchSync,
    realtime: new Realtime(),
    rateLimits,
    lifecycle: new Lifecycle(),
    views,
    mail,
    redis,
    services: services.health,
  } as Omit<AppContext, 'matcher'> as AppContext;
  const matcher = new MatchWorker(ctx, searchSync);
  ctx.matcher = matcher;
  for (const processor of processors(ctx)) outbox.register(processor);
  for (const source of eventSources(ctx)) outbox.addSource(source);
  for (const [name, check] of Object.entries(mailGuards(ctx))) mail.guard(name, check);
  const digest = new DigestWorker(ctx);
  const landing = new LandingCounter(db, log);
  // A write cut off by a database outage (its listing flagged but not queued, its event not moved out) is
  // found by the sweeps: at start, every 15 minutes, and as soon as the database is back.
  db.connection.on('reconnected', () => {
    searchSync.sweepSoon();
    outbox.sweepSoon();
  });
  searchSync.start();
  matcher.start();
  outbox.start();
  mail.start();
  digest.start();
  // The demo world (server/src/demo/world): seeded once (a marker record says so). Its accounts exist
  // before the server answers; the listings, deals and events follow while it answers.
  landing.start();
  const seeded = config.seedDemo
    ? (await startDemoWorld(ctx)).done.then(
        async () => {
          // Every published demo listing without an image gets a generated cover (issue 18), after the world.
          await seedDemoCovers(ctx);
          // Ready once searchable and matched: the covers' index updates and the world's matching run at full
          // tilt for a few seconds after it, and the first publications after start were matched beside them.
          try {
            await searchSync.settled(120_000);
            await matcher.settled(120_000);
          } catch (err) {
            // Still at work after two minutes (a slow machine): the world is in place all the same.
            log.warn({ err: (err as Error).message }, 'The demo world is seeded; indexing or matching it goes on');
          }
          // The landing page's figures count the demo at once, not at the next refresh.
          void landing.refresh().catch(() => undefined);
          return true;
        },
        (err) => {
          log.error({ err }, 'Seeding the demo world failed');
          return false;
        },
      )
    : Promise.resolve(false);
  if (config.adminEmail && config.adminPassword) await bootstrapAdmin(db, config.adminEmail, config.adminPassword, log);
  const workers = { searchSync, matcher, outbox, views, mail, digest, landing };
  return {
    ctx,
    workers,
    seeded,
    async shutdown() {
      // What this instance accepted reaches the outbox's processors and the index, if the services allow.
      const grace = config.shutdownGraceSeconds * 1000;
      await matcher.stop();
      await digest.stop();
      await landing.stop();
      await Promise.allSettled([outbox.settled(grace), searchSync.settled(grace)]);
      // Mail that is due goes out if the server takes it; whatever is left waits in the queue for the next start.
      await mail.settled(Math.min(grace, 5_000)).catch(() => undefined);
      await Promise.all([searchSync.stop(), outbox.stop(), views.stop(), mail.close()]);
      rateLimits.shutdown();
      await Promise.all([redis?.pub.quit(), redis?.sub.quit()]).catch(() => undefined);
      await db.close();
    },
  };
}
