import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { AppError } from '../errors';
import { removeStoredFile, uploadsDir } from './uploads';

/** The stored renditions of an image: a large one for the detail page and a thumbnail for cards and hits. */
export const imageSizes = { large: 1200, thumb: 400 } as const;
export type ImageSize = keyof typeof imageSizes;

/** What the database keeps of a processed image: its base name under DATA_DIR/uploads and its sizes. */
export interface ProcessedImage {
  storedAs: string;
  width: number;
  height: number;
  thumbWidth: number;
  thumbHeight: number;
}

/** The file of one rendition of a stored image. */
export const imageFileName = (storedAs: string, size: ImageSize) => `${storedAs}-${size}.webp`;

// One image operation at a time, nothing cached: libvips' operation cache and per-thread buffers otherwise keep
// memory the process never gives back (150 demo covers rendered: +120 MB of RSS, +80 MB so).
sharp.cache(false);
sharp.concurrency(1);

// Decoding bombs: no image beyond 50 megapixels is decoded.
const limitInputPixels = 50_000_000;

async function rendition(input: Buffer | string, width: number) {
  return sharp(input, { limitInputPixels, failOn: 'error' })
    .rotate() // upright by its EXIF orientation, before the metadata goes
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 80, effort: 2 })
    .toBuffer({ resolveWithObject: true });
}

/**
 * Decodes an image (a file path or its bytes), turns it upright by its EXIF
 * orientation and stores two WebP renditions (1200 and 400 pixels wide, never
 * enlarged) under DATA_DIR/uploads. sharp writes no metadata unless told to,
 * so EXIF, GPS, XMP and ICC data are gone from what is stored. A file that
 * does not decode is refused as a 415 naming `file`.
 */
export async function storeImage(dataDir: string, input: Buffer | string): Promise<ProcessedImage> {
  let large: Awaited<ReturnType<typeof rendition>>;
  let thumb: Awaited<ReturnType<typeof rendition>>;
  try {
    [large, thumb] = await Promise.all([rendition(input, imageSizes.large), rendition(input, imageSizes.thumb)]);
  } catch {
    throw new AppError(415, 'unsupported_media_type', 'The image could not be read', { file: 'invalid_type' });
  }
  const storedAs = `img-${crypto.randomBytes(12).toString('hex')}`;
  const dir = uploadsDir(dataDir);
  await fs.promises.mkdir(dir, { recursive: true });
  await fs.promises.writeFile(path.join(dir, imageFileName(storedAs, 'large')), large.data);
  await fs.promises.writeFile(path.join(dir, imageFileName(storedAs, 'thumb')), thumb.data);
  return {
    storedAs,
    width: large.info.width,
    height: large.info.height,
    thumbWidth: thumb.info.width,
    thumbHeight: thumb.info.height,
  };
}

/** Removes every rendition of a stored image; missing files are not an error. */
export async function removeImageFiles(dataDir: string, storedAs: string): Promise<void> {
  await Promise.all(
    (Object.keys(imageSizes) as ImageSize[]).map((size) => removeStoredFile(dataDir, imageFileName(storedAs, size))),
  );
}

/** Where a rendition is on disk. */
export const imagePath = (dataDir: string, storedAs: string, size: ImageSize) =>
  path.join(uploadsDir(dataDir), imageFileName(storedAs, size));
