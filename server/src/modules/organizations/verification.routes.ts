import { verificationRequestSchema } from '@techbridge/shared';
import { route } from '../../context';
import { withUpload } from '../../platform/files/uploads';
import { pendingVerificationFor, requestVerification } from './commands/requestVerification';
import { presentVerification } from './presenter';
import { organizationStore } from './store';

/** An organisation's own verification request (its owner's). */
export const verificationRoutes = [
  route({
    method: 'post',
    path: '/organizations/me/verification',
    tag: 'Organizations',
    summary: "Request verification of the caller's organisation (owner only)",
    access: 'user',
    body: verificationRequestSchema,
    responses: { 201: 'The verification request' },
    errors: [403, 409],
    async handler({ ctx, user, body, res }) {
      res.status(201);
      return { data: presentVerification(await requestVerification(ctx, user, body)) };
    },
  }),
  route({
    method: 'post',
    path: '/organizations/me/verification/documents',
    tag: 'Organizations',
    summary: 'Add a document to the pending verification request',
    access: 'user',
    body: { multipart: true },
    responses: { 201: 'The verification request with the document' },
    errors: [404, 409, 413, 415],
    async handler({ ctx, user, req, res }) {
      const pending = await pendingVerificationFor(ctx, user);
      const updated = await withUpload(ctx.config.dataDir, req, res, (file, { name, mime }) =>
        organizationStore(ctx.db).addVerificationDocument(pending._id, {
          name,
          type: mime,
          size: file.size,
          storedAs: file.filename,
        }),
      );
      res.status(201);
      return { data: presentVerification(updated!) };
    },
  }),
  route({
    method: 'get',
    path: '/organizations/me/verification',
    tag: 'Organizations',
    summary: "The latest verification request of the caller's organisation",
    access: 'user',
    responses: { 200: 'The request, or null' },
    async handler({ ctx, user }) {
      const latest = user.organizationId
        ? await organizationStore(ctx.db).latestVerification(user.organizationId)
        : null;
      return { data: latest ? presentVerification(latest) : null };
    },
  }),
];
