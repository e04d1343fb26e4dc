import type { ListingType } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { removeStoredFile } from '../../../platform/files/uploads';
import type { AnyListing, Attachment } from '../model';
import { listingStore } from '../store';

export const MAX_ATTACHMENTS = 10;

/** A listing's attachment by id, if it has it. */
export function findAttachment(listing: AnyListing, attachmentId: string): Attachment | undefined {
  return (listing.attachments as Attachment[]).find((a) => String(a._id) === attachmentId);
}

/** Adds a checked, stored file to a listing; counted under the listing's lock, so simultaneous uploads cannot pass the limit together. */
export async function addAttachment(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  file: { name: string; type: string; size: number; storedAs: string },
): Promise<Attachment> {
  const attachment = { ...file, uploadedAt: new Date() };
  const { updated, current } = await listingStore(ctx.db).updateIf(
    type,
    listing._id,
    (l) => !l.deletedAt && (l.attachments?.length ?? 0) < MAX_ATTACHMENTS,
    { $push: { attachments: attachment }, $inc: { rev: 1 } },
  );
  if (!updated) {
    if (current && !current.deletedAt)
      throw badRequest(`At most ${MAX_ATTACHMENTS} files per listing`, { file: 'too_many' });
    throw notFound();
  }
  return (updated.attachments as Attachment[]).at(-1)!;
}

/**
 * Removes an attachment and its file. FerretDB's `$pull` matches whole
 * values only, so the array is rewritten from the listing read under its lock.
 */
export async function removeAttachment(
  ctx: AppContext,
  type: ListingType,
  listing: AnyListing,
  attachmentId: string,
): Promise<void> {
  let removed: Attachment | undefined;
  const { updated } = await listingStore(ctx.db).updateIf(
    type,
    listing._id,
    (l) => {
      removed = findAttachment(l, attachmentId);
      return !!removed && !l.deletedAt;
    },
    (l) => ({
      $set: { attachments: (l.attachments as Attachment[]).filter((a) => String(a._id) !== attachmentId) },
      $inc: { rev: 1 },
    }),
  );
  if (!removed) throw notFound('Attachment not found');
  if (!updated) throw conflict('The listing changed meanwhile; try again');
  await removeStoredFile(ctx.config.dataDir, removed.storedAs);
}
