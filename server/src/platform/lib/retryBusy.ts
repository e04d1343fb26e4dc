import type { Model, Types } from 'mongoose';
import type { AnyListing } from '../../modules/listings/service';

/**
 * Retries a write that FerretDB's SQLite backend refused with SQLITE_BUSY
 * ("database is locked") under heavy concurrent writing, such as a bulk import
 * while events are being delivered. MongoDB never answers so; there the first
 * attempt stands.
 */
export async function retryBusy<T>(work: () => Promise<T>, attempts = 12): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if (i >= attempts || !/SQLITE_BUSY|database is locked/.test(String((err as Error)?.message))) throw err;
      await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** i)));
    }
  }
}

/**
 * Inserts documents (each with its `_id` already chosen) exactly once, retrying
 * on SQLITE_BUSY: a refused batch may have written part of itself, so a retry
 * inserts only the documents that are not there yet.
 */
export async function insertManyOnce<D extends { _id: Types.ObjectId }>(
  model: Model<AnyListing>,
  docs: D[],
): Promise<void> {
  let attempt = 0;
  await retryBusy(async () => {
    attempt += 1;
    let missing = docs;
    if (attempt > 1) {
      const written = new Set(
        (await model.find({ _id: { $in: docs.map((d) => d._id) } }, { _id: 1 }).lean()).map((d) => String(d._id)),
      );
      missing = docs.filter((d) => !written.has(String(d._id)));
    }
    if (missing.length) await model.insertMany(missing);
  });
}
