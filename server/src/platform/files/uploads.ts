import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import multer from 'multer';
import { AppError, badRequest } from '../errors';

/** Files attached to listings and deal messages: one place for storage, limits and type checks. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Accepted file types: the extension must match, and so must the first bytes. */
const fileTypes: Record<string, { mime: string; magic?: (b: Buffer) => boolean }> = {
  pdf: { mime: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  png: {
    mime: 'image/png',
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  jpg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  webp: {
    mime: 'image/webp',
    magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: isZip },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: isZip },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: isZip },
  txt: { mime: 'text/plain', magic: isText },
  csv: { mime: 'text/csv', magic: isText },
};

function isZip(b: Buffer): boolean {
  return b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}
function isText(b: Buffer): boolean {
  return !b.subarray(0, 8192).includes(0);
}

/** The image formats listing images accept, recognised by their first bytes alone (never by name or declared type). */
const imageKinds = ['png', 'jpeg', 'webp'] as const;

/** The image type of a file's first bytes (JPEG, PNG or WebP), or null. */
export function sniffImageType(head: Buffer): { ext: string; mime: string } | null {
  const kind = imageKinds.find((k) => fileTypes[k].magic?.(head));
  return kind ? { ext: kind, mime: fileTypes[kind].mime } : null;
}

/** Checks a file's name and first bytes; returns the canonical MIME type or a reason. */
export function checkFileType(name: string, head: Buffer): { ok: true; mime: string } | { ok: false; reason: string } {
  const ext = path.extname(name).slice(1).toLowerCase();
  const type = fileTypes[ext];
  if (!type)
    return { ok: false, reason: `File type .${ext || '?'} is not accepted (${Object.keys(fileTypes).join(', ')})` };
  if (type.magic && !type.magic(head)) return { ok: false, reason: `The file's content is not a valid .${ext}` };
  return { ok: true, mime: type.mime };
}

/** Where uploaded files are kept: DATA_DIR/uploads. */
export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'uploads');
}

const receivers = new Map<string, ReturnType<typeof fileReceiver>>();

/** Receives one multipart file (field "file") of a request into DATA_DIR/uploads (see fileReceiver). */
export function receiveFile(dataDir: string, req: Request, res: Response): Promise<Express.Multer.File> {
  let receive = receivers.get(dataDir);
  if (!receive) {
    receive = fileReceiver(dataDir);
    receivers.set(dataDir, receive);
  }
  return receive(req, res);
}

/** Receives one multipart file (field "file") into DATA_DIR/uploads, with the size limit as a 413. */
function fileReceiver(dataDir: string) {
  const dir = uploadsDir(dataDir);
  const upload = multer({
    storage: multer.diskStorage({
      destination: (_req, _file, cb) => {
        fs.mkdirSync(dir, { recursive: true });
        cb(null, dir);
      },
      filename: (_req, _file, cb) => cb(null, crypto.randomBytes(16).toString('hex')),
    }),
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 8192 },
  }).single('file');
  return (req: Request, res: Response) =>
    new Promise<Express.Multer.File>((resolve, reject) =>
      upload(req, res, (err: unknown) => {
        if (err) {
          const code = (err as { code?: string }).code;
          if (code === 'LIMIT_FILE_SIZE') {
            reject(new AppError(413, 'payload_too_large', 'File is larger than 10 MB', { file: 'too_long' }));
          } else if (code === 'LIMIT_FILE_COUNT') {
            reject(badRequest('Send one file per request', { file: 'too_many' }));
          } else if (code === 'LIMIT_UNEXPECTED_FILE') {
            reject(
              badRequest('Attach the file in the "file" field', {
                [(err as { field?: string }).field ?? 'file']: 'unknown_field',
              }),
            );
          } else reject(badRequest('Upload failed', { file: 'invalid_type' }));
          return;
        }
        if (!req.file) reject(badRequest('Attach a file in the "file" field', { file: 'required' }));
        else resolve(req.file);
      }),
    );
}

/**
 * A file name safe to store, show and send back: NFC, no path separators,
 * control characters (CR, LF, NUL…), quotes, or format characters (bidi
 * controls, zero-width spaces); at most 200 characters; never empty.
 */
export function cleanFileName(raw: string): string {
  const cleaned = raw
    .normalize('NFC')
    .replace(/[\p{Cc}"'`<>\\/:*?|]/gu, '_')
    .replace(/\p{Cf}/gu, '')
    .replace(/^[\s.]+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

async function readHead(file: Express.Multer.File): Promise<Buffer> {
  const fd = await fs.promises.open(file.path, 'r');
  const head = Buffer.alloc(8192);
  const { bytesRead } = await fd.read(head, 0, head.length, 0);
  await fd.close();
  return head.subarray(0, bytesRead);
}

/** The name a browser sent (UTF-8, which multer reads as latin1), cleaned. */
const receivedName = (file: Express.Multer.File) =>
  cleanFileName(Buffer.from(file.originalname, 'latin1').toString('utf8'));

/** Validates a received file by name and content; the caller removes it on failure. */
export async function checkUpload(file: Express.Multer.File): Promise<{ name: string; mime: string }> {
  const name = receivedName(file);
  const check = checkFileType(name, await readHead(file));
  if (!check.ok) throw new AppError(415, 'unsupported_media_type', check.reason, { file: check.reason });
  return { name, mime: check.mime };
}

/** Images (listing images, logos) may be this large. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

/**
 * Validates a received image by its content alone: JPEG, PNG or WebP by the
 * first bytes, whatever its name or declared type says; at most 8 MB.
 */
export async function checkImageUpload(file: Express.Multer.File): Promise<{ name: string; mime: string }> {
  if (file.size > MAX_IMAGE_BYTES)
    throw new AppError(413, 'payload_too_large', 'Image is larger than 8 MB', { file: 'too_long' });
  const type = sniffImageType(await readHead(file));
  if (!type)
    throw new AppError(415, 'unsupported_media_type', 'The file is not a JPEG, PNG or WebP image', {
      file: 'invalid_type',
    });
  return { name: receivedName(file), mime: type.mime };
}

/** Sends a stored file as a download with a safe, UTF-8 file name. */
export function sendStoredFile(
  dataDir: string,
  res: Response,
  file: { storedAs: string; name: string; type: string },
): void {
  res.setHeader('Content-Type', file.type);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  res.sendFile(path.join(uploadsDir(dataDir), file.storedAs));
}

/** Removes a stored file (a refused upload, a removed attachment); a missing file is not an error. */
export async function removeStoredFile(dataDir: string, storedAs: string): Promise<void> {
  await fs.promises.rm(path.join(uploadsDir(dataDir), storedAs), { force: true });
}

/**
 * Receives a file, checks it, and runs `use` with it; the file is removed
 * again if it is refused or `use` fails, so no refused upload stays on disk.
 */
export async function withUpload<T>(
  dataDir: string,
  req: Request,
  res: Response,
  use: (file: Express.Multer.File, checked: { name: string; mime: string }) => Promise<T>,
  check: (file: Express.Multer.File) => Promise<{ name: string; mime: string }> = checkUpload,
): Promise<T> {
  const file = await receiveFile(dataDir, req, res);
  try {
    return await use(file, await check(file));
  } catch (err) {
    await fs.promises.rm(file.path, { force: true });
    throw err;
  }
}
