import { reasonSchema, verificationsQuerySchema } from '@techbridge/shared';
import { route } from '../../context';
import { notFound } from '../../platform/errors';
import { sendStoredFile } from '../../platform/files/uploads';
import { presentVerification } from '../organizations/presenter';
import { organizationStore } from '../organizations/store';
import { decideVerification } from './commands/verification';

const decision = (action: 'approve' | 'reject') =>
  route({
    method: 'post',
    path: `/admin/verifications/:id/${action}`,
    tag: 'Admin',
    summary:
      action === 'approve'
        ? 'Approve a verification request (verifies the organisation)'
        : 'Reject a verification request, with a reason',
    access: 'admin',
    body: action === 'reject' ? reasonSchema : undefined,
    responses: { 200: 'The request' },
    async handler({ ctx, user, params, body }) {
      const reason = (body as { reason?: string } | undefined)?.reason;
      return { data: presentVerification(await decideVerification(ctx, user, params.id, action, reason)) };
    },
  });

/** The administrators' side of organisation verification. */
export const adminVerificationRoutes = [
  route({
    method: 'get',
    path: '/admin/verifications',
    tag: 'Admin',
    summary: 'Verification requests by status, oldest first',
    access: 'admin',
    query: verificationsQuerySchema,
    responses: { 200: 'The requests' },
    async handler({ ctx, query }) {
      const orgs = organizationStore(ctx.db);
      const items = await orgs.verificationsWithStatus(query.status);
      const names = await orgs.mapById(items.map((v) => v.organizationId));
      return {
        data: items.map((v) => presentVerification(v, names.get(String(v.organizationId))?.name ?? '')),
      };
    },
  }),
  route({
    method: 'get',
    path: '/admin/verifications/:id/documents/:documentId',
    tag: 'Admin',
    summary: 'Download a document of a verification request',
    access: 'admin',
    responses: { 200: 'The file' },
    responseShape: 'file',
    async handler({ ctx, params, res }) {
      const request = await organizationStore(ctx.db).findVerification(params.id);
      const document = (request?.documents as { _id: unknown; name: string; type: string; storedAs: string }[])?.find(
        (d) => String(d._id) === params.documentId,
      );
      if (!document) throw notFound('Document not found');
      sendStoredFile(ctx.config.dataDir, res, document);
    },
  }),
  decision('approve'),
  decision('reject'),
];
