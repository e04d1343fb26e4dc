/**
 * The SVG renderer's process (see svgRenderer.ts): renders each SVG document
 * it is sent and stores the picture as an image, answering with what was
 * stored.
 */
import sharp from 'sharp';
import { storeImage } from './images';

process.on('message', async ({ id, svg, dataDir }: { id: number; svg: string; dataDir: string }) => {
  try {
    // Uncompressed: it is decoded again at once, never stored as such.
    const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 0 }).toBuffer();
    process.send?.({ id, stored: await storeImage(dataDir, png) });
  } catch (err) {
    process.send?.({ id, error: (err as Error).message });
  }
});
// The parent is gone or done with it.
process.on('disconnect', () => process.exit(0));
