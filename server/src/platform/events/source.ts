import type { Model } from 'mongoose';
import type { EventSource, PendingEvent } from './types';

/**
 * The event source of a collection whose documents carry `pendingEvents`:
 * events are released under `lock` (the same lock as the documents' other
 * writes), and the sweep finds documents still carrying some with a scan.
 */
export function collectionEventSource(
  name: string,
  // biome-ignore lint/suspicious/noExplicitAny: documents of any shape with a pendingEvents field.
  model: Model<any>,
  lock: <T>(id: string, work: () => Promise<T>) => Promise<T> = (_id, work) => work(),
): EventSource {
  return {
    name,
    release: (id, events) =>
      lock(id, () => model.updateOne({ _id: id }, { $pullAll: { pendingEvents: events } }, { timestamps: false })),
    carried: async (id) =>
      ((await model.findById(id, { pendingEvents: 1 }).lean<{ pendingEvents?: string[] }>())?.pendingEvents ??
        []) as PendingEvent[],
    carrying: async () =>
      (await model.find({ 'pendingEvents.0': { $exists: true } }, { _id: 1 }).lean<{ _id: unknown }[]>()).map((d) =>
        String(d._id),
      ),
  };
}
