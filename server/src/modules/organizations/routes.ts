import { foldVietnamese, organizationListQuerySchema } from '@techbridge/shared';
import { route } from '../../context';
import { notFound } from '../../platform/errors';
import { countLiveListings } from '../search/query';
import { presentOrganization } from './presenter';
import { organizationStore } from './store';

/** Public organisation profiles and the directory of active organisations. */
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
  route({
    method: 'get',
    path: '/organizations/:id',
    tag: 'Organizations',
    summary: "An organisation's public profile with its live listing counts",
    access: 'public',
    responses: { 200: 'The organisation' },
    async handler({ ctx, params }) {
      const org = await organizationStore(ctx.db).findById(params.id);
      if (org?.status !== 'active') throw notFound('Organisation not found');
      // Live listings are exactly what the search index holds: counted there, not by reading the listings.
      const stats = await countLiveListings(ctx.search, String(org._id));
      return { data: { ...presentOrganization(org), stats } };
    },
  }),
];
