import { foldVietnamese, optionalReasonSchema, usersQuerySchema } from '@techbridge/shared';
import { route } from '../../context';
import { accountStore } from '../accounts/store';
import { setOrganizationStatus, setUserStatus } from './commands/setStatus';

const statusRoute = (target: 'users' | 'organizations', action: 'suspend' | 'reactivate') =>
  route({
    method: 'post',
    path: `/admin/${target}/:id/${action}`,
    tag: 'Admin',
    summary: `${action === 'suspend' ? 'Suspend' : 'Reactivate'} ${target === 'users' ? 'a user' : 'an organisation'}`,
    access: 'admin',
    body: optionalReasonSchema,
    responses: { 204: action === 'suspend' ? 'Suspended' : 'Reactivated' },
    responseShape: 'none',
    errors: [409],
    async handler({ ctx, user, params, body, res }) {
      const set = target === 'users' ? setUserStatus : setOrganizationStatus;
      await set(ctx, user, params.id, action === 'suspend', body.reason);
      res.status(204).end();
    },
  });

/** Administration of accounts: suspensions and the user list. */
export const adminAccountRoutes = [
  statusRoute('users', 'suspend'),
  statusRoute('users', 'reactivate'),
  statusRoute('organizations', 'suspend'),
  statusRoute('organizations', 'reactivate'),
  route({
    method: 'get',
    path: '/admin/users',
    tag: 'Admin',
    summary: 'Users, newest first, filtered by email or name',
    access: 'admin',
    query: usersQuerySchema,
    responses: { 200: 'The users' },
    async handler({ ctx, query }) {
      // Matched as people type names: without diacritics and in any case ("nguyen" finds "Nguyễn").
      const wanted = query.q ? foldVietnamese(query.q) : '';
      const users = await accountStore(ctx.db).scanForAdmin();
      return {
        data: users
          .filter((u) => !wanted || foldVietnamese(`${u.email} ${u.name}`).includes(wanted))
          .slice(0, 200)
          .map((u) => ({
            id: String(u._id),
            email: u.email,
            name: u.name,
            role: u.role,
            status: u.status,
            organizationId: u.organizationId ? String(u.organizationId) : null,
          })),
      };
    },
  }),
];
