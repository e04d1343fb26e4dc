import type { Model } from 'mongoose';

/** A queued record that one instance at a time may work on (an event, a mail). */
interface Claimable {
  claimedAt: Date | null;
  attempts: number;
}

/**
 * Claims a queued record for one attempt by `_id` alone (FerretDB answers
 * only that from an index): the claim stamp only ever moves forward
 * (`$max`), so of two claimers the first sees the record free and the second
 * sees it claimed. A claimer that loses, or finds the record not `ready`,
 * takes back its attempt. Resolves with the record as claimed, or null.
 */
export async function claimById<T extends Claimable>(
  model: Model<T>,
  id: string,
  timeoutMs: number,
  ready: (record: T, now: Date) => boolean,
): Promise<T | null> {
  const now = new Date();
  const before = await model
    .findOneAndUpdate({ _id: id }, { $max: { claimedAt: now }, $inc: { attempts: 1 } }, { new: false })
    .lean<T>();
  if (!before) return null;
  const claimedAt = before.claimedAt ? new Date(before.claimedAt).getTime() : null;
  if ((claimedAt === null || claimedAt < now.getTime() - timeoutMs) && ready(before, now))
    return { ...before, claimedAt: now, attempts: (before.attempts ?? 0) + 1 };
  await model.updateOne({ _id: id }, { $inc: { attempts: -1 } });
  return null;
}
