import { type ListingType, matchListQuerySchema } from '@techbridge/shared';
import { route } from '../../context';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import { isOwner } from '../listings/policy';
import { loadReadableListing } from '../listings/view';
import { canReadMatch, matchSide } from './policy';
import { matchStore } from './store';
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

const matchState = (action: 'seen' | 'dismissed') =>
  route({
    method: 'post',
    path: `/matches/:id/${action === 'seen' ? 'seen' : 'dismiss'}`,
    tag: 'Matches',
    summary: action === 'seen' ? "Mark a match seen on the caller's side" : "Dismiss a match on the caller's side",
    access: 'user',
    responses: { 200: 'The match' },
    async handler({ ctx, user, params }) {
      const store = matchStore(ctx.db);
      const match = await store.findById(params.id);
      if (!match || !canReadMatch(user, match)) throw notFound('Match not found');
      const side = matchSide(user, match);
      if (!side) throw badRequest('Administrators have no side in a match');
      // "seen" never downgrades a dismissed or contacted match.
      const from = action === 'seen' ? ['new'] : ['new', 'seen'];
      const updated = await store.setState(params.id, side === 'offer' ? 'offerState' : 'demandState', from, action);
      return { data: (await presentMatches(ctx, [updated ?? match], user.organizationId))[0] ?? null };
    },
  });

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
  matchState('seen'),
  matchState('dismissed'),
];
