import { foldVietnamese, organizationTypeCodes } from '@techbridge/shared';
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { parseId, validate } from '../../middleware/validate';

const listQuery = z.strictObject({
  type: z.enum(organizationTypeCodes as [string, ...string[]], 'org_type').optional(),
  q: z.string('invalid_type').trim().max(100, 'too_long').optional(),
  limit: z.coerce.number('number').int('number').min(1, 'number').max(100, 'too_long').default(50),
});

import { presentOrganization } from '../../presenters/user';

/** Public organisation profiles: who they are and how many listings they have live. */
export function organizationsRouter(ctx: AppContext): Router {
  const router = Router();
  const { models } = ctx.db;
  /** Active organisations by type and name (e.g. intermediaries to invite into a deal). */
  router.get('/organizations', async (req, res) => {
    const q = validate(listQuery, req.query);
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
