import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../platform/errors';

/** The side of a stored logo, in pixels. */
export const LOGO_SIZE = 256;
/** The uploads a logo may be made from (checked by content, then decoded). */
export const logoTypes = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * Turns an uploaded image into the stored logo: decoded (so only a real
 * image passes), cropped to a 256×256 square, written as WebP without its
 * metadata (sharp keeps none unless asked: no EXIF, GPS or ICC).
 */
export async function makeLogo(source: string, target: string): Promise<void> {
  try {
    await sharp(source, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize(LOGO_SIZE, LOGO_SIZE, { fit: 'cover', position: 'attention' })
      .webp({ quality: 85 })
      .toFile(target);
  } catch {
    await fs.promises.rm(target, { force: true });
    throw new AppError(415, 'unsupported_media_type', 'The file is not a readable image', { file: 'invalid_type' });
  }
}

/** The stored name of an organisation's logo of a version (in DATA_DIR/uploads). */
export const logoFileName = (orgId: string, version: number) => path.basename(`logo-${orgId}-${version}.webp`);

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** Up to two initials of a name: its first word's and its last word's letters ("Trường Đại học Cần Thơ" → "TT"). */
export function initialsOf(name: string): string {
  const words = name
    .normalize('NFC')
    .split(/[\s\-–—.,()&/]+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  if (!words.length) return '?';
  const first = (w: string) => [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '';
  const letters = words.length === 1 ? first(words[0]) : first(words[0]) + first(words[words.length - 1]);
  return letters.toLocaleUpperCase('vi');
}

/**
 * The generated logo of an organisation without one: its initials in white
 * on a colour derived from its id (the same organisation always gets the same).
 */
export function initialsSvg(id: string, name: string): string {
  const hue = crypto.createHash('sha256').update(id).digest().readUInt16BE(0) % 360;
  const text = escapeXml(initialsOf(name));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LOGO_SIZE}" height="${LOGO_SIZE}" viewBox="0 0 256 256" role="img" aria-label="${escapeXml(name)}">`,
    `<rect width="256" height="256" rx="32" fill="hsl(${hue}, 55%, 36%)"/>`,
    `<text x="128" y="128" dy=".35em" text-anchor="middle" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="104" font-weight="600" fill="#fff">${text}</text>`,
    '</svg>',
  ].join('');
}
