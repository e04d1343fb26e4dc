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
import { messageRoutes } from './deals/messages.routes';
import { dealModels } from './deals/model';
import { dealRoutes } from './deals/routes';
import { registerDealSocket } from './deals/socket';
import { dealStore } from './deals/store';
import { importRoutes } from './imports/routes';
import { attachmentRoutes } from './listings/attachments.routes';
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
import { organizationRoutes } from './organizations/routes';
import { organizationStore } from './organizations/store';
import { teamRoutes } from './organizations/team.routes';
import { verificationRoutes } from './organizations/verification.routes';
import { searchModels } from './search/model';
import { searchProcessor } from './search/processor';
import { searchRoutes } from './search/routes';
import { indexJobStore } from './search/store';
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
  ...notificationModels,
  ...subscriptionModels,
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
  ...listingRoutes('demand'),
  ...attachmentRoutes('demand'),
  ...matchRoutes,
  ...searchRoutes,
  ...organizationRoutes,
  ...verificationRoutes,
  ...teamRoutes,
  ...invitationRoutes,
  ...notificationRoutes,
  ...mailRoutes,
  ...subscriptionRoutes,
  ...dealRoutes,
  ...messageRoutes,
  ...adminRoutes,
  ...adminVerificationRoutes,
  ...adminAccountRoutes,
  ...auditRoutes,
  ...statsRoutes,
  ...importRoutes,
] as AnyRoute<AppContext>[];

/** The event processors, in the order each event is offered to them (live pushes first: they are the fastest). */
export const processors = (ctx: AppContext) => [
  liveProcessor(ctx),
  notificationsProcessor(ctx),
  searchProcessor(ctx),
  matchingProcessor(ctx),
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
    orgs.organizations,
    orgs.verifications,
    accountStore(ctx.db).users,
    indexJobStore(ctx.db).jobs,
  ];
};

/** Checks the mail queue runs just before a mail goes out (by name; see platform/mail/queue.ts). */
export const mailGuards = (ctx: AppContext) => ({ ...notificationMailGuards(ctx) });

export const socketHandlers = [registerDealSocket];
