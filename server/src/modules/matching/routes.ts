import { type ListingType, matchListQuerySchema } from '@techbridge/shared';
import { Router } from 'express';
import type { AppContext } from '../../context';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import { currentUser, requireAuth } from '../../platform/http/middleware/auth';
import { parseId, validate } from '../../platform/http/middleware/validate';
import { isOwner } from '../listings/policy';
import { loadReadableListing } from '../listings/service';
import type { Match } from './model';
import { canReadMatch, matchSide } from './policy';
import { presentMatches } from './service';

export function matchesRouter(ctx: AppContext): Router {
  const router = Router();
  const { models } = ctx.db;
  const auth = requireAuth(ctx.passport);

  /** A listing's matches, best first: only its own organisation and administrators. */
  for (const type of ['offer', 'demand'] as ListingType[]) {
    router.get(`/${type}s/:id/matches`, auth, async (req, res) => {
      const user = currentUser(req);
      const { state, limit } = validate(matchListQuerySchema, req.query);
      const listing = await loadReadableListing(ctx, type, parseId(req.params.id), user);
      if (!isOwner(user, listing) && user.role !== 'admin')
        throw forbidden('Only the listing’s organisation can see its matches');
      const stateField = type === 'offer' ? 'offerState' : 'demandState';
      const matches = await models.Match.find({
        [type === 'offer' ? 'offerId' : 'demandId']: listing._id,
        active: true,
        ...(state ? { [stateField]: state } : {}),
      })
        .sort({ score: -1, _id: 1 })
        .limit(limit)
        .lean<Match[]>();
      res.json({ data: await presentMatches(ctx, matches, user.organizationId) });
    });
  }

  /** All my organisation's matches across its listings, best first. */
  router.get('/matches', auth, async (req, res) => {
    const user = currentUser(req);
    const { state, limit } = validate(matchListQuerySchema, req.query);
    if (!user.organizationId) return void res.json({ data: [] });
    const org = user.organizationId;
    const sides = [
      { offerOrgId: org, ...(state ? { offerState: state } : { offerState: { $ne: 'dismissed' } }) },
      { demandOrgId: org, ...(state ? { demandState: state } : { demandState: { $ne: 'dismissed' } }) },
    ];
    const matches = await models.Match.find({ active: true, $or: sides })
      .sort({ score: -1, _id: 1 })
      .limit(limit)
      .lean<Match[]>();
    res.json({ data: await presentMatches(ctx, matches, org) });
  });

  /** Marks a match seen or dismissed on the caller's side. */
  for (const action of ['seen', 'dismissed'] as const) {
    router.post(`/matches/:id/${action === 'seen' ? 'seen' : 'dismiss'}`, auth, async (req, res) => {
      const user = currentUser(req);
      const match = await models.Match.findById(parseId(req.params.id)).lean<Match>();
      if (!match || !canReadMatch(user, match)) throw notFound('Match not found');
      const side = matchSide(user, match);
      if (!side) throw badRequest('Administrators have no side in a match');
      const field = side === 'offer' ? 'offerState' : 'demandState';
      // "seen" never downgrades a dismissed or contacted match.
      const from = action === 'seen' ? ['new'] : ['new', 'seen'];
      await models.Match.updateOne({ _id: match._id, [field]: { $in: from } }, { $set: { [field]: action } });
      const updated = await models.Match.findById(match._id).lean<Match>();
      res.json({ data: (await presentMatches(ctx, [updated!], user.organizationId))[0] ?? null });
    });
  }
  return router;
}
