import { Router } from 'express';
import type { AppContext } from '../../context';
import { notFound } from '../../platform/errors';
import { currentUser, requireAuth } from '../../platform/http/middleware/auth';
import { presentOrganization, presentUser } from './presenter';

export function meRouter(ctx: AppContext): Router {
  const router = Router();
  const { models } = ctx.db;
  router.get('/me', requireAuth(ctx.passport), async (req, res) => {
    const principal = currentUser(req);
    const user = await models.User.findById(principal.id).lean();
    if (!user) throw notFound('User not found');
    const organization = user.organizationId ? await models.Organization.findById(user.organizationId).lean() : null;
    res.json({ user: presentUser(user), organization: organization ? presentOrganization(organization) : null });
  });
  return router;
}
