import crypto from 'node:crypto';
import { type ListingType, listingTypes } from '@techbridge/shared';
import { bulkWriteInCommands, defineStore, storedAlready } from '../../platform/db';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import { mapLimit } from '../../platform/lib/mapLimit';
import { retryBusy } from '../../platform/lib/retryBusy';
import { withLocks } from './locks';
import type { ListingQueueModel, QueueEntry } from './model';

export type DirtyFlag = 'searchDirty' | 'matchDirty';
export type { QueueEntry };

/** Entries of one queue are written one at a time each (enqueue and the token check of a removal). */
const perEntry = keyedMutex();

/**
 * The work queues of the search sync and the matcher (see listingQueueSchema):
 * a write queues its listing after the write that set its flag; the workers
 * read the queue, then the listings by `_id`. Every query is by `_id` except
 * the queue reads, which read these small collections whole.
 */
export const listingQueue = defineStore((connection) => {
  const queues: Record<DirtyFlag, ListingQueueModel> = {
    searchDirty: connection.model('SearchQueue') as ListingQueueModel,
    matchDirty: connection.model('MatchQueue') as ListingQueueModel,
  };
  const key = (flag: DirtyFlag, id: string) => `${flag}:${id}`;
  /** Writes the entries of each flag's queue under the entries' locks, retried while the database is busy. */
  const write = async (
    flags: DirtyFlag[],
    type: ListingType,
    ids: unknown[],
    put: (flag: DirtyFlag, unique: string[]) => Promise<void>,
  ): Promise<void> => {
    const unique = [...new Set(ids.map(String))];
    if (!unique.length) return;
    await Promise.all(
      flags.map((flag) =>
        withLocks(
          perEntry,
          unique.map((id) => key(flag, `${type}:${id}`)),
          () => retryBusy(() => put(flag, unique)),
        ),
      ),
    );
  };
  return {
    /** Queues listings for the workers of the given flags, after the write that set the flags. */
    enqueue: (flags: DirtyFlag[], type: ListingType, ids: unknown[]) =>
      write(flags, type, ids, (flag, unique) =>
        bulkWriteInCommands(
          queues[flag],
          unique.map((id) => ({
            updateOne: {
              filter: { _id: `${type}:${id}` },
              update: { $set: { type, listingId: id, token: crypto.randomUUID() } },
              upsert: true,
            },
          })),
          { ordered: false },
        ),
      ),

    /**
     * Queues listings created just now (a bulk import): no entry of theirs can exist but one an earlier try of the
     * same call wrote, so they are inserted (an upsert first looks for the entry: on FerretDB, several times the cost).
     */
    enqueueCreated: (flags: DirtyFlag[], type: ListingType, ids: unknown[]) =>
      write(flags, type, ids, async (flag, unique) => {
        try {
          await queues[flag].insertMany(
            unique.map((id) => ({ _id: `${type}:${id}`, type, listingId: id, token: crypto.randomUUID() })),
            { ordered: false, lean: true },
          );
        } catch (err) {
          // Written by the earlier try: queued all the same.
          storedAlready(err);
        }
      }),

    /** Up to `limit` entries of a flag's queue (read before their listings, for `dequeue`). */
    queued: async (flag: DirtyFlag, limit: number) => queues[flag].find({}).limit(limit).lean<QueueEntry[]>(),

    /** Whether anything is queued for the flag's worker. */
    any: async (flag: DirtyFlag) => !!(await queues[flag].exists({})),

    /**
     * Removes entries whose listing no longer needs the worker, each only if
     * not queued again since it was read (its token unchanged): removed by
     * `_id` under the entry's lock, in one command, and put back as it is now
     * when its token changed (queued again by another instance meanwhile; on
     * FerretDB a filter on the token as well reads the whole queue). A crash
     * between the two leaves a flagged listing unqueued: the sweep queues it.
     */
    async dequeue(flag: DirtyFlag, entries: QueueEntry[]): Promise<void> {
      await mapLimit(entries, 16, (e) =>
        perEntry(key(flag, e._id), async () => {
          const removed = await retryBusy(() => queues[flag].findOneAndDelete({ _id: e._id }).lean<QueueEntry>());
          if (!removed || removed.token === e.token) return;
          try {
            await retryBusy(() => queues[flag].insertMany([removed], { lean: true }));
          } catch (err) {
            // Queued again meanwhile: queued all the same.
            storedAlready(err);
          }
        }),
      );
    },

    /** scan (small): the listing ids queued for a flag's worker, per type (the sweep). */
    async scanQueuedIds(flag: DirtyFlag, type: ListingType): Promise<Set<string>> {
      return new Set((await queues[flag].find({ type }, { listingId: 1 }).lean()).map((e) => e.listingId));
    },
  };
});

export type ListingQueue = ReturnType<typeof listingQueue>;

/** The queue's entries grouped by listing type. */
export function byType(entries: QueueEntry[]): [ListingType, QueueEntry[]][] {
  return listingTypes.map((type) => [type, entries.filter((e) => e.type === type)]);
}
