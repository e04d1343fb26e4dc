import { foldVietnamese, organizationListQuerySchema } from '@techbridge/shared';
import { Router } from 'express';
import type { AppContext } from '../../context';
import { notFound } from '../../platform/errors';
import { parseId, validate } from '../../platform/http/middleware/validate';

import { presentOrganization } from '../accounts/presenter';

/** Public organisation profiles: who they are and how many listings they have live. */
export function organizationsRouter(ctx: AppContext): Router {
  const router = Router();
  const { models } = ctx.db;
  /** Active organisations by type and name (e.g. intermediaries to invite into a deal). */
  router.get('/organizations', async (req, res) => {
    const q = validate(organizationListQuerySchema, req.query);
    const filter = {
      status: 'active',
      ...(q.type ? { type: q.type } : {}),
    };
    const orgs = await models.Organization.find(filter).sort({ name: 1 }).limit(500).lean();
    const wanted = q.q ? foldVietnamese(q.q) : '';
    const data = orgs
      .filter((o) => !wanted || foldVietnamese(o.name).includes(wanted))
      .slice(0, q.limit)
      .map(presentOrganization);
    res.json({ data });
  });

  router.get('/organizations/:id', async (req, res) => {
    const org = await models.Organization.findById(parseId(req.params.id)).lean();
    if (org?.status !== 'active') throw notFound('Organisation not found');
    const live = { organizationId: org._id, status: 'published', deletedAt: null };
    const [offers, demands] = await Promise.all([
      models.Offer.countDocuments(live),
      models.Demand.countDocuments(live),
    ]);
    res.json({ data: { ...presentOrganization(org), stats: { offers, demands } } });
  });
  return router;
}
