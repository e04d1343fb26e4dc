import { type Db, isDuplicateKey } from '../../platform/db';

const MARKER = 'demo-world';

const meta = (db: Db) => {
  if (!db.connection.db) throw new Error('no database');
  return db.connection.db.collection<{ _id: string; [field: string]: unknown }>('meta');
};

/**
 * Claims the demo world's marker (`meta` document 'demo-world'): true for the
 * one call that inserted it; a database that has it (seeded, or being
 * seeded by another instance) answers false and is left as it is.
 */
export async function claimWorldMarker(db: Db, now: Date): Promise<boolean> {
  try {
    await meta(db).insertOne({ _id: MARKER, startedAt: now, finishedAt: null });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Records what the seeding created, and when it finished. */
export async function finishWorldMarker(db: Db, counts: Record<string, number>): Promise<void> {
  await meta(db).updateOne({ _id: MARKER }, { $set: { finishedAt: new Date(), counts } });
}
