import type { ListingType } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { type ProcessedImage, removeImageFiles, storeImage } from '../../../platform/files/images';
import type { AnyListing, ListingImage } from '../model';
import { listingQueue } from '../queue.store';
import { listingStore } from '../store';
import { touched } from './written';

export const MAX_IMAGES = 8;

const imagesOf = (listing: Pick<AnyListing, 'images'>) => (listing.images ?? []) as ListingImage[];

/** A listing's image by id, if it has it. */
export function findImage(listing: Pick<AnyListing, 'images'>, imageId: string): ListingImage | undefined {
  return imagesOf(listing).find((i) => String(i._id) === imageId);
}

/** An image change shows in the listing's search document (its cover): the search sync takes it again. */
async function afterImageWrite(ctx: AppContext, type: ListingType, id: unknown): Promise<void> {
  await listingQueue(ctx.db).enqueue(['searchDirty'], type, [id]);
  ctx.indexer.notify();
}

/**
 * The one way an image joins a listing, uploaded or generated: decoded,
 * turned upright, stripped of its metadata and stored as two WebP renditions
 * (see storeImage), then added last, counted under the listing's lock so
 * simultaneous uploads cannot pass the limit together. Its files are removed
 * again if the listing refuses it.
 */
export async function addListingImage(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  input: Buffer | string,
): Promise<ListingImage> {
  if (imagesOf(listing).length >= MAX_IMAGES)
    throw badRequest(`At most ${MAX_IMAGES} images per listing`, { file: 'too_many' });
  return attachListingImage(ctx, type, listing, await storeImage(ctx.config.dataDir, input));
}

/** Adds an image already stored (see storeImage) to a listing; its files go if the listing cannot take it. */
export async function attachListingImage(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  stored: ProcessedImage,
  options: { generated?: boolean } = {},
): Promise<ListingImage> {
  const image = { ...stored, generated: !!options.generated, uploadedAt: new Date() };
  const { updated, current } = await listingStore(ctx.db).updateIf(
    type,
    listing._id,
    (l) => !l.deletedAt && imagesOf(l).length < MAX_IMAGES,
    { $push: { images: image }, $set: { searchDirty: true }, ...touched },
  );
  if (!updated) {
    await removeImageFiles(ctx.config.dataDir, stored.storedAs);
    if (current && !current.deletedAt)
      throw badRequest(`At most ${MAX_IMAGES} images per listing`, { file: 'too_many' });
    throw notFound();
  }
  await afterImageWrite(ctx, type, listing._id);
  return imagesOf(updated).at(-1)!;
}

/**
 * Rewrites a listing's images under its lock (FerretDB's `$pull` matches
 * whole values only and has no positional updates): `change` returns the new
 * order, or null when the image is not there.
 */
async function rewriteImages(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  imageId: string,
  change: (images: ListingImage[], image: ListingImage) => ListingImage[],
): Promise<{ image: ListingImage; updated: AnyListing }> {
  let image: ListingImage | undefined;
  const { updated } = await listingStore(ctx.db).updateIf(
    type,
    listing._id,
    (l) => {
      image = findImage(l, imageId);
      return !!image && !l.deletedAt;
    },
    (l) => ({ $set: { images: change(imagesOf(l), image!), searchDirty: true }, ...touched }),
  );
  if (!image) throw notFound('Image not found');
  if (!updated) throw conflict('The listing changed meanwhile; try again');
  await afterImageWrite(ctx, type, listing._id);
  return { image, updated };
}

/** Removes an image and its files; the next one becomes the cover if it was the cover. */
export async function removeListingImage(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  imageId: string,
): Promise<AnyListing> {
  const { image, updated } = await rewriteImages(ctx, type, listing, imageId, (images) =>
    images.filter((i) => String(i._id) !== imageId),
  );
  await removeImageFiles(ctx.config.dataDir, image.storedAs);
  return updated;
}

/** Makes an image the cover: it moves first, the others keep their order. */
export async function setListingCover(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  imageId: string,
): Promise<AnyListing> {
  const { updated } = await rewriteImages(ctx, type, listing, imageId, (images, image) => [
    image,
    ...images.filter((i) => String(i._id) !== imageId),
  ]);
  return updated;
}

/** Removes the files of every image of a listing (a deleted listing's). */
export async function removeAllImageFiles(ctx: AppContext, images: ListingImage[]): Promise<void> {
  await Promise.all(images.map((i) => removeImageFiles(ctx.config.dataDir, i.storedAs)));
}
