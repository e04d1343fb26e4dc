import fs from 'node:fs';
import type { ListingType } from '@techbridge/shared';
import { z } from 'zod';
import { route } from '../../context';
import { notFound } from '../../platform/errors';
import { type ImageSize, imagePath } from '../../platform/files/images';
import { checkImageUpload, withUpload } from '../../platform/files/uploads';
import { addListingImage, findImage, removeListingImage, setListingCover } from './commands/images';
import { presentImage, presentImages } from './presenter';
import { loadOwnListing, loadReadableListing } from './view';

const sizeParam = z.enum(['large', 'thumb'], 'size') as unknown as z.ZodType<string>;

/** A year for a published listing's image (an image id never changes content); private ones stay in the browser only. */
const publicCache = 'public, max-age=31536000, immutable';
const privateCache = 'private, max-age=3600';

/**
 * Image routes for one listing type: upload, remove and choose the cover by
 * the owner; the renditions to whoever may read the listing (the listing's
 * own rule: a draft's images are its organisation's and administrators').
 */
export function imageRoutes(type: ListingType) {
  const base = type === 'offer' ? '/offers' : '/demands';
  const tag = type === 'offer' ? 'Offers' : 'Demands';
  const noun = type === 'offer' ? 'technology offer' : 'technology demand';
  return [
    route({
      method: 'post',
      path: `${base}/:id/images`,
      tag,
      summary: `Add an image (JPEG, PNG or WebP, at most 8 MB; 8 per listing) to an own ${noun}`,
      access: 'user',
      body: { multipart: true },
      responses: { 201: 'The stored image' },
      errors: [403, 409, 413, 415],
      async handler({ ctx, user, params, req, res }) {
        const listing = await loadOwnListing(ctx, type, params.id, user);
        const image = await withUpload(
          ctx.config.dataDir,
          req,
          res,
          async (file) => {
            const added = await addListingImage(ctx, type, listing, file.path);
            // Only the renditions are kept: the upload as sent (with its metadata) goes.
            await fs.promises.rm(file.path, { force: true });
            return added;
          },
          checkImageUpload,
        );
        res.status(201);
        return { data: presentImage(type, String(listing._id), listing.title, image) };
      },
    }),
    route({
      method: 'get',
      path: `${base}/:id/images/:imageId/:size`,
      tag,
      summary: `An image of a readable ${noun}: 'large' (1200 px wide) or 'thumb' (400 px), WebP`,
      access: 'optional',
      params: { size: sizeParam },
      responses: { 200: 'The image' },
      responseShape: 'file',
      async handler({ ctx, user, params, res }) {
        const listing = await loadReadableListing(ctx, type, params.id, user);
        const image = findImage(listing, params.imageId);
        if (!image) throw notFound('Image not found');
        res.setHeader('Cache-Control', listing.status === 'published' ? publicCache : privateCache);
        res.type('image/webp');
        res.sendFile(imagePath(ctx.config.dataDir, image.storedAs, params.size as ImageSize), { cacheControl: false });
      },
    }),
    route({
      method: 'post',
      path: `${base}/:id/images/:imageId/cover`,
      tag,
      summary: `Make an image the cover of an own ${noun} (it moves first)`,
      access: 'user',
      responses: { 200: "The listing's images, the cover first" },
      errors: [403, 409],
      async handler({ ctx, user, params }) {
        const listing = await loadOwnListing(ctx, type, params.id, user);
        return { data: presentImages(type, await setListingCover(ctx, type, listing, params.imageId)) };
      },
    }),
    route({
      method: 'delete',
      path: `${base}/:id/images/:imageId`,
      tag,
      summary: `Remove an image from an own ${noun}`,
      access: 'user',
      responses: { 204: 'Removed' },
      responseShape: 'none',
      errors: [403, 409],
      async handler({ ctx, user, params, res }) {
        const listing = await loadOwnListing(ctx, type, params.id, user);
        await removeListingImage(ctx, type, listing, params.imageId);
        res.status(204).end();
      },
    }),
  ];
}
