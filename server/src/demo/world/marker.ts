import crypto from 'node:crypto';
import { type Db, isDuplicateKey } from '../../platform/db';

const MARKER = 'demo-world';
/** How long a seeding run holds the world without renewing its claim (a killed run stops renewing). */
export const LEASE_MS = 45_000;

interface MarkerDoc {
  _id: string;
  startedAt: Date;
  finishedAt: Date | null;
  leaseUntil?: Date | null;
  /** What a run has finished, so the next one resumes after it: `deals.<key>` = steps done, `events.<key>`. */
  progress?: { deals?: Record<string, number>; events?: Record<string, boolean> };
  [field: string]: unknown;
}

const meta = (db: Db) => {
  if (!db.connection.db) throw new Error('no database');
  return db.connection.db.collection<MarkerDoc>('meta');
};

/** The claim of a seeding run: the world's date (kept across resumed runs) and what earlier runs finished. */
export interface WorldClaim {
  now: Date;
  resumed: boolean;
  progress: NonNullable<MarkerDoc['progress']>;
}

/**
 * Claims the demo world's marker (`meta` document 'demo-world'). 'done' when
 * the world is seeded; 'busy' while another run holds it (its lease is
 * fresh); otherwise a claim: a fresh one, or a resumed one taking over from
 * a run that stopped (killed, failed) before finishing, with its date and
 * progress. Only one caller wins a claim (the insert, or the lease update
 * conditioned on the lease it read).
 */
export async function claimWorldMarker(db: Db, now: Date): Promise<WorldClaim | 'done' | 'busy'> {
  const leaseUntil = new Date(Date.now() + LEASE_MS);
  try {
    await meta(db).insertOne({ _id: MARKER, startedAt: now, finishedAt: null, leaseUntil, progress: {} });
    return { now, resumed: false, progress: {} };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const doc = await meta(db).findOne({ _id: MARKER });
  if (!doc) return claimWorldMarker(db, now);
  if (doc.finishedAt) return 'done';
  if (doc.leaseUntil && doc.leaseUntil.getTime() > Date.now()) return 'busy';
  // Conditioned on the lease read: of two instances taking over at once, one wins.
  const token = crypto.randomUUID();
  const taken = await meta(db).updateOne(
    { _id: MARKER, leaseUntil: doc.leaseUntil ?? null, finishedAt: null },
    { $set: { leaseUntil, takenBy: token } },
  );
  if (taken.modifiedCount !== 1) return 'busy';
  return { now: new Date(doc.startedAt), resumed: true, progress: doc.progress ?? {} };
}

/** Keeps the claim while the run lives; `release` lets the next run take over at once (a run that failed). */
export function holdWorldLease(db: Db): { stop: () => void; release: () => Promise<void> } {
  const timer = setInterval(() => {
    void meta(db)
      .updateOne({ _id: MARKER, finishedAt: null }, { $set: { leaseUntil: new Date(Date.now() + LEASE_MS) } })
      .catch(() => undefined);
  }, LEASE_MS / 3);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    release: async () => {
      clearInterval(timer);
      await meta(db).updateOne({ _id: MARKER, finishedAt: null }, { $set: { leaseUntil: new Date(0) } });
    },
  };
}

/** Records one step of the run (`deals.<key>` → steps done, `events.<key>` → true). */
export async function recordWorldProgress(db: Db, path: string, value: number | boolean): Promise<void> {
  await meta(db).updateOne({ _id: MARKER }, { $set: { [`progress.${path}`]: value } });
}

/** Records what the seeding created, and when it finished. */
export async function finishWorldMarker(db: Db, counts: Record<string, number>): Promise<void> {
  await meta(db).updateOne({ _id: MARKER }, { $set: { finishedAt: new Date(), counts } });
}
