import { taxonomies } from '@techbridge/shared';
import { route } from '../../context';

export const taxonomyRoutes = [
  route({
    method: 'get',
    path: '/taxonomies',
    tag: 'System',
    summary: 'Sectors, provinces, organisation types and other code lists',
    access: 'public',
    responses: { 200: 'The taxonomies' },
    responseShape: 'json',
    handler({ res }) {
      res.set('Cache-Control', 'public, max-age=3600');
      return taxonomies;
    },
  }),
];
