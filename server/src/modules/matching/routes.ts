import { type ListingType, matchDismissSchema, matchListQuerySchema } from '@techbridge/shared';
import { type AppContext, route } from '../../context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import type { AuthUser } from '../../platform/principal';
import { isOwner } from '../listings/policy';
import { loadReadableListing } from '../listings/view';
import { feedbackStore } from './feedbackStore';
import { canReadMatch, matchSide } from './policy';
import { type Match, matchStore } from './store';
import { byScore, presentMatches } from './view';

const listingMatches = (type: ListingType) =>
  route({
    method: 'get',
    path: `/${type}s/:id/matches`,
    tag: 'Matches',
    summary: `A technology ${type}'s matches, best first (its organisation and administrators)`,
    access: 'user',
    query: matchListQuerySchema,
    responses: { 200: 'The matches' },
    errors: [403],
    async handler({ ctx, user, params, query }) {
      const listing = await loadReadableListing(ctx, type, params.id, user);
      if (!isOwner(user, listing) && user.role !== 'admin')
        throw forbidden('Only the listing’s organisation can see its matches');
      const stateField = type === 'offer' ? 'offerState' : 'demandState';
      const matches = (await matchStore(ctx.db).ofListing(type, listing._id, 16))
        .filter((m) => m.active && (!query.state || m[stateField] === query.state))
        .sort(byScore)
        .slice(0, query.limit);
      return { data: await presentMatches(ctx, matches, user.organizationId) };
    },
  });

/** Marks a match seen on the caller's side; "seen" never downgrades a dismissed or contacted match. */
const markSeen = route({
  method: 'post',
  path: '/matches/:id/seen',
  tag: 'Matches',
  summary: "Mark a match seen on the caller's side",
  access: 'user',
  responses: { 200: 'The match' },
  async handler({ ctx, user, params }) {
    const { match, side } = await ownSide(ctx, user, params.id);
    const updated = await matchStore(ctx.db).setState(params.id, `${side}State`, ['new'], 'seen');
    return { data: (await presentMatches(ctx, [updated ?? match], user.organizationId))[0] ?? null };
  },
});

/**
 * "Không phù hợp": dismisses a match on the caller's side, with why. The
 * pair is never announced again; the reason joins the organisation's
 * feedback, whose repeated reasons adjust its future matches (see
 * shared/src/matching/feedback.ts). A dismissed match may be dismissed
 * again to change its reason; a contacted one may not.
 */
const dismiss = route({
  method: 'post',
  path: '/matches/:id/dismiss',
  tag: 'Matches',
  summary: "Dismiss a match on the caller's side (“not a fit”), optionally with a reason",
  access: 'user',
  body: matchDismissSchema,
  responses: { 200: 'The match' },
  errors: [409],
  async handler({ ctx, user, params, body }) {
    const { match, side } = await ownSide(ctx, user, params.id);
    const store = matchStore(ctx.db);
    const field = `${side}State` as const;
    if (match[field] === 'contacted') throw conflict('This match already has a deal');
    // The organisation's feedback first: recording it twice is harmless, losing it is not.
    if (body?.reason) await feedbackStore(ctx.db).record(String(user.organizationId), params.id, body.reason);
    const feedback = body?.reason ? { reason: body.reason, note: body.note ?? null, at: new Date() } : undefined;
    const updated = await store.setState(params.id, field, ['new', 'seen', 'dismissed'], 'dismissed', {
      ...(feedback ? { [`${side}Feedback`]: feedback } : {}),
    });
    return { data: (await presentMatches(ctx, [updated ?? match], user.organizationId))[0] ?? null };
  },
});

/** The match and the caller's side of it, or 404 / 400. */
async function ownSide(
  ctx: AppContext,
  user: AuthUser,
  id: string,
): Promise<{ match: Match; side: 'offer' | 'demand' }> {
  const match = await matchStore(ctx.db).findById(id);
  if (!match || !canReadMatch(user, match)) throw notFound('Match not found');
  const side = matchSide(user, match);
  if (!side) throw badRequest('Administrators have no side in a match');
  return { match, side };
}

export const matchRoutes = [
  listingMatches('offer'),
  listingMatches('demand'),
  route({
    method: 'get',
    path: '/matches',
    tag: 'Matches',
    summary: "All of my organisation's matches, best first",
    access: 'user',
    query: matchListQuerySchema,
    responses: { 200: 'The matches' },
    async handler({ ctx, user, query }) {
      const org = user.organizationId;
      if (!org) return { data: [] };
      const visible = (state: unknown) => (query.state ? state === query.state : state !== 'dismissed');
      const matches = (await matchStore(ctx.db).ofOrganization(org))
        .filter(
          (m) =>
            m.active &&
            ((String(m.offerOrgId) === org && visible(m.offerState)) ||
              (String(m.demandOrgId) === org && visible(m.demandState))),
        )
        .sort(byScore)
        .slice(0, query.limit);
      return { data: await presentMatches(ctx, matches, org) };
    },
  }),
  markSeen,
  dismiss,
];
