import crypto from 'node:crypto';
import { type ListingType, listingTypes } from '@techbridge/shared';
import type { Model } from 'mongoose';
import type { Models } from '../../platform/db';
import { retryBusy } from '../../platform/lib/retryBusy';
import type { ListingQueueModel, QueueEntry } from './queue.model';

export type DirtyFlag = 'searchDirty' | 'matchDirty';
export type { QueueEntry };

const queueOf = (models: Models, flag: DirtyFlag): ListingQueueModel =>
  flag === 'searchDirty' ? models.SearchQueue : models.MatchQueue;

/**
 * Queues listings for the workers of the given flags, after the write that
 * set the flags. One upsert per listing by `_id`, sent as one command.
 */
export async function enqueue(models: Models, flags: DirtyFlag[], type: ListingType, ids: unknown[]): Promise<void> {
  if (!ids.length) return;
  await Promise.all(
    flags.map((flag) =>
      retryBusy(() =>
        queueOf(models, flag).bulkWrite(
          [...new Set(ids.map(String))].map((id) => ({
            updateOne: {
              filter: { _id: `${type}:${id}` },
              update: { $set: { type, listingId: id, token: crypto.randomUUID() } },
              upsert: true,
            },
          })),
          { ordered: false },
        ),
      ),
    ),
  );
}

/** Up to `limit` entries of a flag's queue (read before their listings, for `dequeue`). */
export function queued(models: Models, flag: DirtyFlag, limit: number): Promise<QueueEntry[]> {
  return queueOf(models, flag).find({}).limit(limit).lean<QueueEntry[]>();
}

/** Removes entries whose listing no longer needs the worker, each only if not queued again since it was read. */
export async function dequeue(models: Models, flag: DirtyFlag, entries: QueueEntry[]): Promise<void> {
  const queue = queueOf(models, flag);
  await Promise.all(entries.map((e) => retryBusy(() => queue.deleteOne({ _id: e._id, token: e.token }))));
}

/** The queue's entries grouped by listing type. */
export function byType(entries: QueueEntry[]): [ListingType, QueueEntry[]][] {
  return listingTypes.map((type) => [type, entries.filter((e) => e.type === type)]);
}

/**
 * Queues every flagged listing that has no entry: what a crash between a
 * write and its enqueue left behind. Reads the listings collections (a full
 * scan on FerretDB), so it runs at start and then rarely.
 */
export async function sweepFlags(models: Models): Promise<number> {
  let found = 0;
  for (const flag of ['searchDirty', 'matchDirty'] as const) {
    for (const type of listingTypes) {
      const model = (type === 'offer' ? models.Offer : models.Demand) as unknown as Model<{ _id: unknown }>;
      // The queue first: an entry removed after this read belonged to a listing whose flag was
      // cleared before its removal, so the flags read next do not count it as missing.
      const queuedIds = new Set(
        (await queueOf(models, flag).find({ type }, { listingId: 1 }).lean()).map((e) => e.listingId),
      );
      const ids = (await model.find({ [flag]: true }, { _id: 1 }).lean()).map((l) => String(l._id));
      const missing = ids.filter((id) => !queuedIds.has(id));
      await enqueue(models, [flag], type, missing);
      found += missing.length;
    }
  }
  return found;
}
