import type { AppContext } from '../context';
import type { ModelDefinition } from '../platform/db';
import { docsRoutes } from '../platform/http/docs';
import { healthRoutes } from '../platform/http/health';
import type { AnyRoute } from '../platform/http/route';
import { emailRoutes } from './accounts/email.routes';
import { accountModels } from './accounts/model';
import { passwordRoutes } from './accounts/password.routes';
import { accountRoutes } from './accounts/routes';
import { accountStore } from './accounts/store';
import { adminAccountRoutes } from './admin/accounts.routes';
import { adminRoutes } from './admin/routes';
import { adminVerificationRoutes } from './admin/verification.routes';
import { auditModels } from './audit/model';
import { auditRoutes } from './audit/routes';
import { bookmarkModels } from './bookmarks/model';
import { bookmarkRoutes } from './bookmarks/routes';
import { brokerageModels } from './brokerage/model';
import { brokerageProcessor } from './brokerage/processor';
import { brokerageRoutes } from './brokerage/routes';
import { brokerageStore } from './brokerage/store';
import { introductionRoutes } from './deals/introduction.routes';
import { journalProcessor } from './deals/journal';
import { messageRoutes } from './deals/messages.routes';
import { dealModels } from './deals/model';
import { proposalRoutes } from './deals/proposals.routes';
import { dealRoutes } from './deals/routes';
import { registerDealSocket } from './deals/socket';
import { dealStore } from './deals/store';
import { wonDealsProcessor } from './deals/wonDeals';
import { meetingRoutes } from './events/meetings.routes';
import { meetingStore } from './events/meetings.store';
import { eventModels } from './events/model';
import { participantRoutes } from './events/participants.routes';
import { eventsLiveProcessor, eventsNotificationsProcessor } from './events/processor';
import { eventRoutes } from './events/routes';
import { scheduleRoutes } from './events/schedule.routes';
import { eventStore } from './events/store';
import { importRoutes } from './imports/routes';
import { landingRoutes } from './landing/routes';
import { attachmentRoutes } from './listings/attachments.routes';
import { imageRoutes } from './listings/images.routes';
import { listingModels } from './listings/model';
import { listingRoutes } from './listings/routes';
import { listingStore } from './listings/store';
import { matchingModels } from './matching/model';
import { matchingProcessor } from './matching/processor';
import { matchRoutes } from './matching/routes';
import { notificationMailGuards } from './notifications/guards';
import { liveProcessor } from './notifications/live';
import { mailRoutes } from './notifications/mail.routes';
import { notificationModels } from './notifications/model';
import { notificationsProcessor } from './notifications/processor';
import { notificationRoutes } from './notifications/routes';
import { invitationRoutes } from './organizations/invitation.routes';
import { organizationModels } from './organizations/model';
import { profileRoutes } from './organizations/profile.routes';
import { organizationRoutes } from './organizations/routes';
import { organizationStore } from './organizations/store';
import { teamRoutes } from './organizations/team.routes';
import { verificationRoutes } from './organizations/verification.routes';
import { searchModels } from './search/model';
import { searchProcessor } from './search/processor';
import { searchRoutes } from './search/routes';
import { indexJobStore } from './search/store';
import { sitePages } from './seo/pages';
import { statsRoutes } from './stats/routes';
import { subscriptionModels } from './subscriptions/model';
import { subscriptionRoutes } from './subscriptions/routes';
import { taxonomyRoutes } from './taxonomies/routes';

/**
 * The modules, put together: what each contributes to the database, the
 * API, the event processors and the sockets. The composition root (boot.ts)
 * and the tests read these lists; nothing else needs to know every module.
 */
export const modelDefinitions: ModelDefinition[] = [
  ...organizationModels,
  ...accountModels,
  ...auditModels,
  ...listingModels,
  ...searchModels,
  ...matchingModels,
  ...dealModels,
  ...brokerageModels,
  ...notificationModels,
  ...subscriptionModels,
  ...bookmarkModels,
  ...eventModels,
];

/** Every route under /api, in the order they are matched (and listed in the OpenAPI document). */
export const apiRoutes: AnyRoute<AppContext>[] = [
  ...healthRoutes,
  ...taxonomyRoutes,
  ...docsRoutes(() => apiRoutes),
  ...accountRoutes,
  ...emailRoutes,
  ...passwordRoutes,
  ...listingRoutes('offer'),
  ...attachmentRoutes('offer'),
  ...imageRoutes('offer'),
  ...listingRoutes('demand'),
  ...attachmentRoutes('demand'),
  ...imageRoutes('demand'),
  ...matchRoutes,
  ...searchRoutes,
  ...landingRoutes,
  ...organizationRoutes,
  ...profileRoutes,
  ...verificationRoutes,
  ...teamRoutes,
  ...invitationRoutes,
  ...notificationRoutes,
  ...mailRoutes,
  ...subscriptionRoutes,
  ...bookmarkRoutes,
  ...dealRoutes,
  ...proposalRoutes,
  ...introductionRoutes,
  ...messageRoutes,
  ...brokerageRoutes,
  ...adminRoutes,
  ...adminVerificationRoutes,
  ...adminAccountRoutes,
  ...auditRoutes,
  ...statsRoutes,
  ...importRoutes,
  ...eventRoutes,
  ...participantRoutes,
  ...meetingRoutes,
  ...scheduleRoutes,
] as AnyRoute<AppContext>[];

/**
 * The event processors, in the order each event is offered to them: the deal journal first (a few reads
 * and one insert), so a deal pushed live is followed by a journal that already shows the change; then
 * live pushes (the fastest), then the rest.
 */
export const processors = (ctx: AppContext) => [
  journalProcessor(ctx),
  liveProcessor(ctx),
  eventsLiveProcessor(ctx),
  notificationsProcessor(ctx),
  brokerageProcessor(ctx),
  eventsNotificationsProcessor(ctx),
  searchProcessor(ctx),
  matchingProcessor(ctx),
  wonDealsProcessor(ctx),
];

/** The collections whose documents carry the events of their writes (see platform/events). */
export const eventSources = (ctx: AppContext) => {
  const listings = listingStore(ctx.db);
  const deals = dealStore(ctx.db);
  const orgs = organizationStore(ctx.db);
  return [
    listings.sources.offer,
    listings.sources.demand,
    deals.deals,
    deals.messages,
    brokerageStore(ctx.db).mandates,
    orgs.organizations,
    orgs.verifications,
    accountStore(ctx.db).users,
    indexJobStore(ctx.db).jobs,
    eventStore(ctx.db).events,
    meetingStore(ctx.db).meetings,
  ];
};

/** Checks the mail queue runs just before a mail goes out (by name; see platform/mail/queue.ts). */
export const mailGuards = (ctx: AppContext) => ({ ...notificationMailGuards(ctx) });

export const socketHandlers = [registerDealSocket];

/** The public pages' heads and pre-rendered first views, robots.txt and the sitemap (modules/seo). */
export const pageRenderer = (ctx: AppContext) => sitePages(ctx);
