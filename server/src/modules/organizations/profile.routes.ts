import path from 'node:path';
import { organizationProfileSchema } from '@techbridge/shared';
import { route } from '../../context';
import { notFound } from '../../platform/errors';
import { uploadsDir, withUpload } from '../../platform/files/uploads';
import { removeLogo, setLogo, updateProfile } from './commands/updateProfile';
import { initialsSvg } from './logo';
import { organizationStore } from './store';
import { profileFor } from './view';

/** Organisation profiles: the public page, its owner's edits, the logo. */
export const profileRoutes = [
  route({
    method: 'get',
    path: '/organizations/:id',
    tag: 'Organizations',
    summary:
      "An organisation's public profile with its live listing counts and won deals (contact details for signed-in users)",
    access: 'optional',
    responses: { 200: 'The organisation profile' },
    async handler({ ctx, params, user }) {
      const org = await organizationStore(ctx.db).findById(params.id);
      if (org?.status !== 'active') throw notFound('Organisation not found');
      return { data: await profileFor(ctx, org, user) };
    },
  }),
  route({
    method: 'patch',
    path: '/organizations/me/profile',
    tag: 'Organizations',
    summary: "Edit the caller's organisation's profile (owner and admins); null clears a field",
    access: 'user',
    body: organizationProfileSchema,
    responses: { 200: 'The organisation profile' },
    errors: [403],
    async handler({ ctx, user, body }) {
      return { data: await profileFor(ctx, await updateProfile(ctx, user, body), user) };
    },
  }),
  route({
    method: 'post',
    path: '/organizations/me/logo',
    tag: 'Organizations',
    summary: "Upload the caller's organisation's logo (PNG, JPEG or WebP; stored as 256×256 WebP without metadata)",
    access: 'user',
    body: { multipart: true },
    responses: { 200: 'The organisation profile' },
    errors: [403, 413, 415],
    async handler({ ctx, user, req, res }) {
      const org = await withUpload(ctx.config.dataDir, req, res, (file, { mime }) => setLogo(ctx, user, file, mime));
      return { data: await profileFor(ctx, org, user) };
    },
  }),
  route({
    method: 'delete',
    path: '/organizations/me/logo',
    tag: 'Organizations',
    summary: "Remove the caller's organisation's logo (its initials show again)",
    access: 'user',
    responses: { 200: 'The organisation profile' },
    errors: [403],
    async handler({ ctx, user }) {
      return { data: await profileFor(ctx, await removeLogo(ctx, user), user) };
    },
  }),
  route({
    method: 'get',
    path: '/organizations/:id/logo',
    tag: 'Organizations',
    summary: "The organisation's logo: the uploaded WebP, or an SVG of its initials in a colour of its own",
    access: 'public',
    responses: { 200: 'The image' },
    responseShape: 'file',
    async handler({ ctx, params, req, res }) {
      const org = await organizationStore(ctx.db).findById(params.id);
      if (!org) throw notFound('Organisation not found');
      // The URL carries the logo's version: a versioned one never changes; the bare URL is checked daily.
      const cache = req.query.v ? 'public, max-age=31536000, immutable' : 'public, max-age=86400';
      res.setHeader('Cache-Control', cache);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      if (org.logo?.storedAs) {
        res.setHeader('Content-Type', 'image/webp');
        res.sendFile(path.join(uploadsDir(ctx.config.dataDir), org.logo.storedAs));
        return;
      }
      res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
      res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      res.send(initialsSvg(String(org._id), org.name));
    },
  }),
];
