import { foldVietnamese, organizationListQuerySchema } from '@techbridge/shared';
import { route } from '../../context';
import { presentOrganization } from './presenter';
import { organizationStore } from './store';

/** The directory of active organisations (profiles: profile.routes.ts). */
export const organizationRoutes = [
  route({
    method: 'get',
    path: '/organizations',
    tag: 'Organizations',
    summary: 'Active organisations by type and name',
    access: 'public',
    query: organizationListQuerySchema,
    responses: { 200: 'The organisations' },
    async handler({ ctx, query }) {
      const orgs = await organizationStore(ctx.db).scanActive(query.type);
      const wanted = query.q ? foldVietnamese(query.q) : '';
      const data = orgs
        .filter((o) => !wanted || foldVietnamese(o.name).includes(wanted))
        .slice(0, query.limit)
        .map(presentOrganization);
      return { data };
    },
  }),
];
