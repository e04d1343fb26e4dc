import { Router } from 'express';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { parseId } from '../../middleware/validate';
import { presentOrganization } from '../../presenters/user';

/** Public organisation profiles: who they are and how many listings they have live. */
export function organizationsRouter(ctx: AppContext): Router {
  const router = Router();
  const { models } = ctx.db;
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
