import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { requireAdmin, requireAuth } from '../../middleware/auth';
import { parseId, validate } from '../../middleware/validate';
import { presentOrganization } from '../../presenters/user';

const verifySchema = z.strictObject({ verified: z.boolean('invalid_type') });
const listQuery = z.object({ verified: z.enum(['true', 'false'], 'invalid_type').optional() });

/** Platform administration. Every route checks the administrator role on the server. */
export function adminRouter(ctx: AppContext): Router {
  const router = Router();
  const { models } = ctx.db;
  router.use('/admin', requireAuth(ctx.passport), requireAdmin);

  router.get('/admin/organizations', async (req, res) => {
    const query = validate(listQuery, req.query);
    const filter = query.verified === undefined ? {} : { verified: query.verified === 'true' };
    const orgs = await models.Organization.find(filter).sort({ createdAt: -1 }).limit(500).lean();
    res.json({ data: orgs.map(presentOrganization) });
  });

  router.patch('/admin/organizations/:id', async (req, res) => {
    const id = parseId(req.params.id);
    const { verified } = validate(verifySchema, req.body);
    const org = await models.Organization.findByIdAndUpdate(id, { $set: { verified } }, { new: true }).lean();
    if (!org) throw notFound('Organisation not found');
    res.json({ data: presentOrganization(org) });
  });
  return router;
}
