import type { Model } from 'mongoose';
import type { UserModel } from '../../server/src/modules/accounts/model';
import type { AuditLogModel } from '../../server/src/modules/audit/model';
import type { DealModel, DealReadModel, MessageModel } from '../../server/src/modules/deals/model';
import type { DemandModel, ListingQueueModel, OfferModel } from '../../server/src/modules/listings/model';
import type { MatchModel } from '../../server/src/modules/matching/model';
import type { InboxModel, NotificationModel } from '../../server/src/modules/notifications/model';
import type { OrganizationModel, VerificationModel } from '../../server/src/modules/organizations/model';
import type { IndexJobModel } from '../../server/src/modules/search/model';
import type { Db } from '../../server/src/platform/db';
import type { OutboxModel } from '../../server/src/platform/events/model';

// biome-ignore lint/suspicious/noExplicitAny: key collections and lists hold documents of simple, varied shapes.
type Loose = Model<{ _id: string; [key: string]: any }>;

/**
 * The app's models, for tests only: to set up a state the API cannot reach
 * (a verified organisation, a crash left behind) and to check what was stored.
 * Server code reaches its collections through its modules' stores.
 */
export function modelsOf(db: Db) {
  const m = <T>(name: string) => db.connection.model(name) as unknown as T;
  return {
    Organization: m<OrganizationModel>('Organization'),
    Verification: m<VerificationModel>('Verification'),
    User: m<UserModel>('User'),
    Session: m<Loose>('Session'),
    Offer: m<OfferModel>('Offer'),
    Demand: m<DemandModel>('Demand'),
    SearchQueue: m<ListingQueueModel>('SearchQueue'),
    MatchQueue: m<ListingQueueModel>('MatchQueue'),
    IndexJob: m<IndexJobModel>('IndexJob'),
    Match: m<MatchModel>('Match'),
    ListingMatches: m<Loose>('ListingMatches'),
    Deal: m<DealModel>('Deal'),
    Message: m<MessageModel>('Message'),
    DealRead: m<DealReadModel>('DealRead'),
    OpenDeals: m<Loose>('OpenDeals'),
    Mandate: m<Loose>('Mandate'),
    Lease: m<Loose>('Lease'),
    ListingViewer: m<Loose>('ListingViewer'),
    Notification: m<NotificationModel>('Notification'),
    Inbox: m<InboxModel>('Inbox'),
    AuditLog: m<AuditLogModel>('AuditLog'),
    Outbox: m<OutboxModel>('Outbox'),
    SavedSearchList: m<Loose>('SavedSearchList'),
    FollowList: m<Loose>('FollowList'),
  };
}
