import type { ListingType } from '@techbridge/shared';
import { defineStore } from '../../platform/db';
import { collectionEventSource } from '../../platform/events/source';
import type { PendingEvent } from '../../platform/events/types';
import { retryBusy } from '../../platform/lib/retryBusy';
import type { IndexJob, IndexJobModel } from './model';

/** Index jobs of bulk writes (see indexJobSchema): by `_id`, except the small scans of the recovery. */
export const indexJobStore = defineStore((connection) => {
  const IndexJob = connection.model('IndexJob') as IndexJobModel;
  const jobs = collectionEventSource('indexjobs', IndexJob);
  return {
    jobs,
    /** Records a job before its listings are written, carrying the batch's events. */
    create: (type: ListingType, listingIds: string[], events: PendingEvent[] = []) =>
      retryBusy(() => IndexJob.create({ type, listingIds, pendingEvents: events })),
    carried: jobs.carried,
    remove: (id: unknown) => retryBusy(() => IndexJob.deleteOne({ _id: id })),
    /** scan (small): jobs older than `before`, abandoned by their writer (the sync's recovery). */
    scanStale: (before: Date, limit: number) =>
      IndexJob.find({ createdAt: { $lt: before } })
        .limit(limit)
        .lean<IndexJob[]>(),
    /** scan (small): whether any job is left. */
    any: async () => !!(await IndexJob.exists({})),
  };
});
