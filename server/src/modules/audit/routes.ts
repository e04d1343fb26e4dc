import { auditQuerySchema } from '@techbridge/shared';
import { route } from '../../context';
import { presentAuditEntry } from './presenter';
import { auditStore } from './store';

export const auditRoutes = [
  route({
    method: 'get',
    path: '/admin/audit',
    tag: 'Admin',
    summary: 'The audit log, newest first',
    access: 'admin',
    query: auditQuerySchema,
    responses: { 200: 'The audit entries' },
    async handler({ ctx, query }) {
      return { data: (await auditStore(ctx.db).scan(query)).map(presentAuditEntry) };
    },
  }),
];
