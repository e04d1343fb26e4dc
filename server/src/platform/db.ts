import mongoose, { type Connection } from 'mongoose';
import { type RefreshTokenModel, refreshTokenSchema } from '../modules/accounts/refreshToken.model';
import { type UserModel, userSchema } from '../modules/accounts/user.model';
import {
  type AuditLogModel,
  auditLogSchema,
  type DealModel,
  type DealReadModel,
  dealReadSchema,
  dealSchema,
  type MessageModel,
  messageSchema,
  type NdaAccessModel,
  ndaAccessSchema,
} from '../modules/deals/model';
import { type DemandModel, demandSchema, type OfferModel, offerSchema } from '../modules/listings/model';
import { type ListingQueueModel, listingQueueSchema } from '../modules/listings/queue.model';
import { type MatchModel, matchSchema } from '../modules/matching/model';
import { type NotificationModel, notificationSchema } from '../modules/notifications/model';
import { type OrganizationModel, organizationSchema } from '../modules/organizations/model';
import { type VerificationModel, verificationSchema } from '../modules/organizations/verification.model';
import { type IndexJobModel, indexJobSchema } from '../modules/search/model';
import {
  type FollowModel,
  followSchema,
  type SavedSearchHitModel,
  type SavedSearchModel,
  savedSearchHitSchema,
  savedSearchSchema,
} from '../modules/subscriptions/model';
import { type EventModel, eventSchema } from './events/model';
import { mapLimit } from './lib/mapLimit';

mongoose.set('strictQuery', true);

export interface Models {
  Organization: OrganizationModel;
  User: UserModel;
  RefreshToken: RefreshTokenModel;
  Offer: OfferModel;
  Demand: DemandModel;
  Match: MatchModel;
  Notification: NotificationModel;
  Event: EventModel;
  SavedSearch: SavedSearchModel;
  SavedSearchHit: SavedSearchHitModel;
  Follow: FollowModel;
  Deal: DealModel;
  Message: MessageModel;
  DealRead: DealReadModel;
  NdaAccess: NdaAccessModel;
  AuditLog: AuditLogModel;
  Verification: VerificationModel;
  IndexJob: IndexJobModel;
  /** Listings whose `searchDirty` may be set (see models/listingQueue). */
  SearchQueue: ListingQueueModel;
  /** Listings whose `matchDirty` may be set. */
  MatchQueue: ListingQueueModel;
}

/**
 * Documents by id, each read by `_id` in parallel: FerretDB answers only a
 * bare `{_id}` filter from an index and reads the whole collection for `$in`.
 * Duplicate ids are read once; missing documents are left out. `concurrency`
 * bounds the reads in flight (background work, so requests do not queue behind it).
 */
export async function findEachById<T>(
  model: { findById(id: string, projection?: Record<string, 0 | 1>): { lean(): PromiseLike<unknown> } },
  ids: unknown[],
  projection?: Record<string, 0 | 1>,
  concurrency = Number.POSITIVE_INFINITY,
): Promise<T[]> {
  const unique = [...new Set(ids.map(String))];
  const found = await mapLimit(unique, concurrency, async (id) => model.findById(id, projection).lean());
  return found.filter((d) => d !== null) as T[];
}

export interface Db {
  connection: Connection;
  models: Models;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * One connection per app instance (tests run several, each on its own
 * database). Models are registered on the connection, never globally.
 */
export async function connectDb(
  uri: string,
  dbName: string,
  prepare: (dbName: string) => Promise<void> = async () => undefined,
): Promise<Db> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    // How long an operation waits while the driver knows no live server (after a connection to it
    // failed). Measured here: the embedded FerretDB is back 0.6 s after a SIGKILL (0.5 s back-off,
    // 0.1 s start) and the driver finds it within the next 0.5 s (while an operation waits, it
    // checks every 500 ms), so an operation caught by the restart completes (450 ms for one sent
    // 0.1 s before it); 3 s also covers a second attempt (1 s back-off) on a loaded machine. An
    // external database that is down now answers 503 after 3.1 s instead of 10 s; requests to an
    // embedded one that is restarting do not wait at all (http/middleware/serviceGate.ts).
    serverSelectionTimeoutMS: 3000,
    // Mongoose 8 buffers only before the first connection and in connection-level helpers, where
    // a buffered command failed after bufferTimeoutMS (10 s) with a MongooseError (a 500). Off,
    // every operation goes to the driver and fails as above with an error mapped to 503; after the
    // first connection the measured behaviour during an outage was the same either way.
    bufferCommands: false,
    // Kept at their defaults: heartbeatFrequencyMS (10 s; a dead server is found by the first
    // operation that fails on it, not by the monitor) and socketTimeoutMS (none; a killed server
    // closes its sockets at once, and a limit would cut long legitimate operations such as imports).
    autoIndex: false,
  });
  await connection.asPromise();
  const models: Models = {
    Organization: connection.model('Organization', organizationSchema) as OrganizationModel,
    User: connection.model('User', userSchema) as UserModel,
    RefreshToken: connection.model('RefreshToken', refreshTokenSchema) as RefreshTokenModel,
    Offer: connection.model('Offer', offerSchema) as OfferModel,
    Demand: connection.model('Demand', demandSchema) as DemandModel,
    Match: connection.model('Match', matchSchema) as MatchModel,
    Notification: connection.model('Notification', notificationSchema) as NotificationModel,
    Event: connection.model('Event', eventSchema) as EventModel,
    SavedSearch: connection.model('SavedSearch', savedSearchSchema) as SavedSearchModel,
    SavedSearchHit: connection.model('SavedSearchHit', savedSearchHitSchema) as SavedSearchHitModel,
    Follow: connection.model('Follow', followSchema) as FollowModel,
    Deal: connection.model('Deal', dealSchema) as DealModel,
    Message: connection.model('Message', messageSchema) as MessageModel,
    DealRead: connection.model('DealRead', dealReadSchema) as DealReadModel,
    NdaAccess: connection.model('NdaAccess', ndaAccessSchema) as NdaAccessModel,
    AuditLog: connection.model('AuditLog', auditLogSchema) as AuditLogModel,
    Verification: connection.model('Verification', verificationSchema) as VerificationModel,
    IndexJob: connection.model('IndexJob', indexJobSchema) as IndexJobModel,
    SearchQueue: connection.model('SearchQueue', listingQueueSchema, 'searchqueue') as ListingQueueModel,
    MatchQueue: connection.model('MatchQueue', listingQueueSchema, 'matchqueue') as ListingQueueModel,
  };
  // Every collection exists from the start (the engine's tuning below applies to existing tables).
  for (const m of Object.values(models) as mongoose.Model<unknown>[]) {
    await m.createCollection().catch((err: { code?: number }) => {
      if (err.code !== 48) throw err; // NamespaceExists
    });
  }
  await Promise.all(Object.values(models).map((m: mongoose.Model<unknown>) => m.createIndexes()));
  await prepare(dbName);
  return {
    connection,
    models,
    async ping() {
      try {
        const db = connection.db;
        if (!db) return false;
        await db.admin().command({ ping: 1 }, { timeoutMS: 2000 });
        return true;
      } catch {
        return false;
      }
    },
    close: () => connection.close(),
  };
}
