import {
  adminListingsQuerySchema,
  adminOrganizationsQuerySchema,
  auditQuerySchema,
  dealCreateSchema,
  dealListQuerySchema,
  demandCreateSchema,
  demandUpdateSchema,
  fileFormatSchema,
  followCreateSchema,
  importQuerySchema,
  intermediarySchema,
  loginSchema,
  matchListQuerySchema,
  messageListQuerySchema,
  mineQuerySchema,
  ndaAcceptSchema,
  notificationListQuerySchema,
  offerCreateSchema,
  offerUpdateSchema,
  optionalReasonSchema,
  organizationListQuerySchema,
  reasonSchema,
  registerSchema,
  rejectSchema,
  savedSearchCreateSchema,
  searchQuerySchema,
  stageChangeSchema,
  statsQuerySchema,
  usersQuerySchema,
  verificationRequestSchema,
  verificationsQuerySchema,
  verifyOrganizationSchema,
} from '@techbridge/shared';
import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** A multipart/form-data upload with one binary `file` field (plus optional text fields). */
export interface MultipartBody {
  multipart: true;
  /** Extra text fields sent beside the file. */
  fields?: Record<string, { type: 'string'; description?: string }>;
}

/** Names of the response body schemas document.ts knows how to describe. */
export type ResponseShape = 'health' | 'login' | 'search' | 'envelope' | 'file' | 'none' | 'json';

export interface Operation {
  method: HttpMethod;
  /** OpenAPI style, relative to the server url `/api`: '/offers/{id}'. */
  path: string;
  tag: string;
  summary: string;
  /** Needs `Authorization: Bearer <access token>`. */
  auth: boolean;
  /** Authentication is accepted (it changes what is shown) but not required. */
  optionalAuth?: boolean;
  body?: z.ZodType | MultipartBody;
  query?: z.ZodType;
  /** Success responses: status → description. Error responses are added by document.ts. */
  responses: Record<number, string>;
  /** Body shape of the success responses; defaults to the `{ data }` envelope. */
  responseShape?: ResponseShape;
  /** Error statuses this operation can answer, beyond the defaults document.ts derives. */
  errors?: number[];
}

/** server/src/routes/stats/index.ts: the stats filters plus the file format. */
const statsExportQuery = z.strictObject({ ...statsQuerySchema.shape, ...fileFormatSchema.shape });

const upload: MultipartBody = { multipart: true };

const listing = (type: 'offer' | 'demand'): Operation[] => {
  const base = type === 'offer' ? '/offers' : '/demands';
  const tag = type === 'offer' ? 'Offers' : 'Demands';
  const noun = type === 'offer' ? 'technology offer' : 'technology demand';
  return [
    {
      method: 'post',
      path: base,
      tag,
      summary: `Create a ${noun} (draft)`,
      auth: true,
      body: type === 'offer' ? offerCreateSchema : demandCreateSchema,
      responses: { 201: `The created ${noun} with its policies` },
      errors: [403],
    },
    {
      method: 'get',
      path: `${base}/mine`,
      tag,
      summary: `My organisation's ${noun}s, every status`,
      auth: true,
      query: mineQuerySchema,
      responses: { 200: `The ${noun}s and, in the same order, their policies` },
    },
    {
      method: 'get',
      path: `${base}/{id}`,
      tag,
      summary: `Read a ${noun} (published, or own)`,
      auth: false,
      optionalAuth: true,
      responses: { 200: `The ${noun} with the viewer's policies` },
    },
    {
      method: 'patch',
      path: `${base}/{id}`,
      tag,
      summary: `Update an own ${noun}`,
      auth: true,
      body: type === 'offer' ? offerUpdateSchema : demandUpdateSchema,
      responses: { 200: `The updated ${noun}` },
      errors: [403, 409],
    },
    {
      method: 'delete',
      path: `${base}/{id}`,
      tag,
      summary: `Delete an own ${noun}`,
      auth: true,
      responses: { 204: 'Deleted' },
      responseShape: 'none',
      errors: [403],
    },
    {
      method: 'post',
      path: `${base}/{id}/publish`,
      tag,
      summary: `Publish an own ${noun} (or send it to review)`,
      auth: true,
      responses: { 200: `The ${noun} in its new status` },
      errors: [403, 409],
    },
    {
      method: 'post',
      path: `${base}/{id}/archive`,
      tag,
      summary: `Archive an own ${noun}`,
      auth: true,
      responses: { 200: `The archived ${noun}` },
      errors: [403, 409],
    },
    {
      method: 'post',
      path: `${base}/{id}/attachments`,
      tag,
      summary: `Attach a file to an own ${noun}`,
      auth: true,
      body: upload,
      responses: { 201: 'The stored attachment' },
      errors: [403, 409, 413, 415],
    },
    {
      method: 'get',
      path: `${base}/{id}/attachments/{attachmentId}`,
      tag,
      summary: `Download an attachment of a readable ${noun}`,
      auth: false,
      optionalAuth: true,
      responses: { 200: 'The file' },
      responseShape: 'file',
    },
    {
      method: 'delete',
      path: `${base}/{id}/attachments/{attachmentId}`,
      tag,
      summary: `Remove an attachment from an own ${noun}`,
      auth: true,
      responses: { 204: 'Removed' },
      responseShape: 'none',
      errors: [403],
    },
    {
      method: 'get',
      path: `${base}/{id}/matches`,
      tag: 'Matches',
      summary: `A ${noun}'s matches, best first (its organisation and administrators)`,
      auth: true,
      query: matchListQuerySchema,
      responses: { 200: 'The matches' },
      errors: [403],
    },
  ];
};

/**
 * Every route the server registers under /api, by hand. tests/openapi.test.ts walks
 * the Express router and fails if one is missing here.
 */
export const operations: Operation[] = [
  // System
  {
    method: 'get',
    path: '/health',
    tag: 'System',
    summary: 'Liveness and readiness of the database and search',
    auth: false,
    responses: { 200: 'Everything is up', 503: 'A dependency is down (named in the body)' },
    responseShape: 'health',
  },
  {
    method: 'get',
    path: '/taxonomies',
    tag: 'System',
    summary: 'Sectors, provinces, organisation types and other code lists',
    auth: false,
    responses: { 200: 'The taxonomies' },
    responseShape: 'json',
  },
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'System',
    summary: 'This OpenAPI description',
    auth: false,
    responses: { 200: 'The OpenAPI 3.1 document' },
    responseShape: 'json',
  },
  {
    method: 'get',
    path: '/docs',
    tag: 'System',
    summary: 'A browsable HTML reference of this API',
    auth: false,
    responses: { 200: 'An HTML page' },
    responseShape: 'file',
  },

  // Auth
  {
    method: 'post',
    path: '/auth/register',
    tag: 'Auth',
    summary: 'Register a user with a new organisation; starts a session',
    auth: false,
    body: registerSchema,
    responses: { 201: 'Access token, user and organisation; sets the refresh cookie' },
    responseShape: 'json',
    errors: [409, 429],
  },
  {
    method: 'post',
    path: '/auth/login',
    tag: 'Auth',
    summary: 'Log in with email and password; starts a session',
    auth: false,
    body: loginSchema,
    responses: { 200: 'Access token and user; sets the refresh cookie' },
    responseShape: 'login',
    errors: [401, 429],
  },
  {
    method: 'post',
    path: '/auth/refresh',
    tag: 'Auth',
    summary: 'Rotate the refresh cookie and get a new access token',
    auth: false,
    responses: { 200: 'A new access token' },
    responseShape: 'json',
    errors: [401, 429],
  },
  {
    method: 'post',
    path: '/auth/logout',
    tag: 'Auth',
    summary: 'End the session of the refresh cookie',
    auth: false,
    responses: { 204: 'Logged out' },
    responseShape: 'none',
  },
  {
    method: 'get',
    path: '/me',
    tag: 'Auth',
    summary: 'The current user and organisation',
    auth: true,
    responses: { 200: 'User and organisation' },
    responseShape: 'json',
  },

  // Listings, attachments and their matches
  ...listing('offer'),
  ...listing('demand'),

  // Search
  {
    method: 'get',
    path: '/search',
    tag: 'Search',
    summary: 'Full-text search over published listings, with facets',
    auth: false,
    query: searchQuerySchema,
    responses: { 200: 'Hits, facet counts and paging' },
    responseShape: 'search',
    errors: [503],
  },

  // Organizations
  {
    method: 'get',
    path: '/organizations',
    tag: 'Organizations',
    summary: 'Active organisations by type and name',
    auth: false,
    query: organizationListQuerySchema,
    responses: { 200: 'The organisations' },
  },
  {
    method: 'get',
    path: '/organizations/{id}',
    tag: 'Organizations',
    summary: "An organisation's public profile with its live listing counts",
    auth: false,
    responses: { 200: 'The organisation' },
  },
  {
    method: 'post',
    path: '/organizations/me/verification',
    tag: 'Organizations',
    summary: "Request verification of the caller's organisation (owner only)",
    auth: true,
    body: verificationRequestSchema,
    responses: { 201: 'The verification request' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/organizations/me/verification/documents',
    tag: 'Organizations',
    summary: 'Add a document to the pending verification request',
    auth: true,
    body: upload,
    responses: { 201: 'The verification request with the document' },
    errors: [413, 415],
  },
  {
    method: 'get',
    path: '/organizations/me/verification',
    tag: 'Organizations',
    summary: "The latest verification request of the caller's organisation",
    auth: true,
    responses: { 200: 'The request, or null' },
  },

  // Matches
  {
    method: 'get',
    path: '/matches',
    tag: 'Matches',
    summary: "All of my organisation's matches, best first",
    auth: true,
    query: matchListQuerySchema,
    responses: { 200: 'The matches' },
  },
  {
    method: 'post',
    path: '/matches/{id}/seen',
    tag: 'Matches',
    summary: "Mark a match seen on the caller's side",
    auth: true,
    responses: { 200: 'The match' },
  },
  {
    method: 'post',
    path: '/matches/{id}/dismiss',
    tag: 'Matches',
    summary: "Dismiss a match on the caller's side",
    auth: true,
    responses: { 200: 'The match' },
  },

  // Notifications
  {
    method: 'get',
    path: '/notifications',
    tag: 'Notifications',
    summary: 'My notifications, newest first, with the unread count',
    auth: true,
    query: notificationListQuerySchema,
    responses: { 200: 'The notifications and `unread`' },
  },
  {
    method: 'post',
    path: '/notifications/{id}/read',
    tag: 'Notifications',
    summary: 'Mark a notification read',
    auth: true,
    responses: { 200: 'The notification and `unread`' },
  },
  {
    method: 'post',
    path: '/notifications/read-all',
    tag: 'Notifications',
    summary: 'Mark every notification read',
    auth: true,
    responses: { 200: '`{ unread: 0 }`' },
    responseShape: 'json',
  },

  // Subscriptions
  {
    method: 'get',
    path: '/saved-searches',
    tag: 'Subscriptions',
    summary: 'My saved searches',
    auth: true,
    responses: { 200: 'The saved searches' },
  },
  {
    method: 'post',
    path: '/saved-searches',
    tag: 'Subscriptions',
    summary: 'Save a search to be notified of new listings matching it',
    auth: true,
    body: savedSearchCreateSchema,
    responses: { 201: 'The saved search' },
    errors: [409],
  },
  {
    method: 'delete',
    path: '/saved-searches/{id}',
    tag: 'Subscriptions',
    summary: 'Delete a saved search',
    auth: true,
    responses: { 204: 'Deleted' },
    responseShape: 'none',
  },
  {
    method: 'get',
    path: '/follows',
    tag: 'Subscriptions',
    summary: 'The sectors I follow',
    auth: true,
    responses: { 200: 'The followed sectors' },
  },
  {
    method: 'post',
    path: '/follows',
    tag: 'Subscriptions',
    summary: 'Follow a sector',
    auth: true,
    body: followCreateSchema,
    responses: { 201: 'The followed sector' },
  },
  {
    method: 'delete',
    path: '/follows/{sector}',
    tag: 'Subscriptions',
    summary: 'Stop following a sector',
    auth: true,
    responses: { 204: 'Unfollowed' },
    responseShape: 'none',
  },

  // Deals
  {
    method: 'get',
    path: '/nda',
    tag: 'Deals',
    summary: 'The current non-disclosure agreement text and version',
    auth: false,
    responses: { 200: 'The NDA' },
    responseShape: 'json',
  },
  {
    method: 'post',
    path: '/deals',
    tag: 'Deals',
    summary: 'Open a deal on an offer, a demand or a match (or get the open one)',
    auth: true,
    body: dealCreateSchema,
    responses: { 200: 'The deal already open', 201: 'The new deal' },
    errors: [403, 409],
  },
  {
    method: 'get',
    path: '/deals',
    tag: 'Deals',
    summary: "My organisation's deals, or the deals it brokers",
    auth: true,
    query: dealListQuerySchema,
    responses: { 200: 'The deals' },
  },
  {
    method: 'get',
    path: '/deals/{id}',
    tag: 'Deals',
    summary: 'A deal I take part in',
    auth: true,
    responses: { 200: 'The deal' },
  },
  {
    method: 'patch',
    path: '/deals/{id}/stage',
    tag: 'Deals',
    summary: 'Move a deal to another stage (won needs the outcome)',
    auth: true,
    body: stageChangeSchema,
    responses: { 200: 'The deal' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/deals/{id}/intermediary',
    tag: 'Deals',
    summary: 'Invite an intermediary organisation into a deal',
    auth: true,
    body: intermediarySchema,
    responses: { 200: 'The deal' },
    errors: [403, 409],
  },
  {
    method: 'get',
    path: '/deals/{id}/messages',
    tag: 'Deals',
    summary: "A deal's messages, newest last; `before` pages back, `after` catches up",
    auth: true,
    query: messageListQuerySchema,
    responses: { 200: 'The messages' },
  },
  {
    method: 'post',
    path: '/deals/{id}/attachments',
    tag: 'Deals',
    summary: 'Send a message with a file',
    auth: true,
    body: {
      multipart: true,
      fields: { body: { type: 'string', description: 'Optional caption (≤ 4000 characters)' } },
    },
    responses: { 201: 'The message' },
    errors: [403, 409, 413, 415],
  },
  {
    method: 'get',
    path: '/deals/{id}/messages/{messageId}/attachment',
    tag: 'Deals',
    summary: "Download a message's file",
    auth: true,
    responses: { 200: 'The file' },
    responseShape: 'file',
  },
  ...(['accept', 'approve', 'grant', 'revoke'] as const).map(
    (action): Operation => ({
      method: 'post',
      path: `/deals/{id}/nda/${action}`,
      tag: 'Deals',
      summary: {
        accept: 'Accept the NDA (the party asking for access)',
        approve: 'Approve the NDA (the listing owner)',
        grant: 'Grant access to the confidential details',
        revoke: 'Revoke access to the confidential details',
      }[action],
      auth: true,
      ...(action === 'accept' ? { body: ndaAcceptSchema } : {}),
      responses: { 200: 'The deal' },
      errors: [403, 409],
    }),
  ),
  {
    method: 'get',
    path: '/deals/{id}/audit',
    tag: 'Deals',
    summary: "The deal's audit trail (NDA steps)",
    auth: true,
    responses: { 200: 'The audit entries, oldest first' },
  },

  // Administration
  {
    method: 'get',
    path: '/admin/organizations',
    tag: 'Admin',
    summary: 'All organisations, newest first',
    auth: true,
    query: adminOrganizationsQuerySchema,
    responses: { 200: 'The organisations' },
    errors: [403],
  },
  {
    method: 'patch',
    path: '/admin/organizations/{id}',
    tag: 'Admin',
    summary: 'Set whether an organisation is verified',
    auth: true,
    body: verifyOrganizationSchema,
    responses: { 200: 'The organisation' },
    errors: [403],
  },
  {
    method: 'get',
    path: '/admin/listings',
    tag: 'Admin',
    summary: 'The moderation queue, oldest first',
    auth: true,
    query: adminListingsQuerySchema,
    responses: { 200: 'The listings' },
    errors: [403],
  },
  {
    method: 'post',
    path: '/admin/listings/{type}/{id}/approve',
    tag: 'Admin',
    summary: 'Approve a listing waiting for review (type: offer or demand)',
    auth: true,
    responses: { 200: 'The published listing' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/admin/listings/{type}/{id}/reject',
    tag: 'Admin',
    summary: 'Reject a listing waiting for review, with a reason',
    auth: true,
    body: rejectSchema,
    responses: { 200: 'The rejected listing' },
    errors: [403, 409],
  },
  {
    method: 'get',
    path: '/admin/verifications',
    tag: 'Admin',
    summary: 'Verification requests by status, oldest first',
    auth: true,
    query: verificationsQuerySchema,
    responses: { 200: 'The requests' },
    errors: [403],
  },
  {
    method: 'post',
    path: '/admin/verifications/{id}/approve',
    tag: 'Admin',
    summary: 'Approve a verification request (verifies the organisation)',
    auth: true,
    responses: { 200: 'The request' },
    errors: [403],
  },
  {
    method: 'post',
    path: '/admin/verifications/{id}/reject',
    tag: 'Admin',
    summary: 'Reject a verification request, with a reason',
    auth: true,
    body: reasonSchema,
    responses: { 200: 'The request' },
    errors: [403],
  },
  ...(['users', 'organizations'] as const).flatMap((target) =>
    (['suspend', 'reactivate'] as const).map(
      (action): Operation => ({
        method: 'post',
        path: `/admin/${target}/{id}/${action}`,
        tag: 'Admin',
        summary: `${action === 'suspend' ? 'Suspend' : 'Reactivate'} ${target === 'users' ? 'a user' : 'an organisation'}`,
        auth: true,
        body: optionalReasonSchema,
        responses: { 204: action === 'suspend' ? 'Suspended' : 'Reactivated' },
        responseShape: 'none',
        errors: [403, 409],
      }),
    ),
  ),
  {
    method: 'get',
    path: '/admin/users',
    tag: 'Admin',
    summary: 'Users, newest first, filtered by email or name',
    auth: true,
    query: usersQuerySchema,
    responses: { 200: 'The users' },
    errors: [403],
  },
  {
    method: 'get',
    path: '/admin/audit',
    tag: 'Admin',
    summary: 'The audit log, newest first',
    auth: true,
    query: auditQuerySchema,
    responses: { 200: 'The audit entries' },
    errors: [403],
  },

  // Statistics
  {
    method: 'get',
    path: '/stats',
    tag: 'Statistics',
    summary: 'Statistics for operators (administrators and agencies)',
    auth: true,
    query: statsQuerySchema,
    responses: { 200: 'The statistics' },
    errors: [403],
  },
  {
    method: 'get',
    path: '/stats/export',
    tag: 'Statistics',
    summary: 'The statistics as a CSV or XLSX file',
    auth: true,
    query: statsExportQuery,
    responses: { 200: 'The file' },
    responseShape: 'file',
    errors: [403],
  },

  // Import and export
  {
    method: 'get',
    path: '/import/{type}/template',
    tag: 'Import/Export',
    summary: 'An empty import sheet with an example row (type: offer or demand)',
    auth: true,
    query: fileFormatSchema,
    responses: { 200: 'The file' },
    responseShape: 'file',
  },
  {
    method: 'post',
    path: '/import/{type}',
    tag: 'Import/Export',
    summary: 'Import listings from a CSV or XLSX file (dry run unless dryRun=false)',
    auth: true,
    query: importQuerySchema,
    body: upload,
    responses: { 200: 'The import report' },
    errors: [403, 413, 415],
  },
  {
    method: 'get',
    path: '/export/{type}',
    tag: 'Import/Export',
    summary: "My organisation's listings as a CSV or XLSX file",
    auth: true,
    query: fileFormatSchema,
    responses: { 200: 'The file' },
    responseShape: 'file',
    errors: [403],
  },
];
