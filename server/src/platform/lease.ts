import crypto from 'node:crypto';
import os from 'node:os';
import { type Connection, type Model, Schema } from 'mongoose';
import type { ModelDefinition } from './db';
import { AppError } from './errors';
import { keyedMutex } from './lib/keyedMutex';

interface LeaseDoc {
  _id: string;
  holder: string;
  expiresAt: Date;
}

/**
 * A lease: one document per key (`_id`), naming its holder and when it
 * expires, present only while held. Taking it is an insert (the unique `_id`
 * is the condition, atomic on MongoDB and on FerretDB, whose SQLite table
 * refuses a second row with the same key, across any number of app
 * instances); giving it back is a delete by `_id`. Both are bare `_id`
 * operations, so the common path never reads the collection.
 *
 * A holder that died leaves its lease until it expires; the next taker then
 * replaces it with a conditional update on `{_id, holder, expiresAt}`
 * (atomic on MongoDB; on FerretDB a read of this collection, which only ever
 * holds the leases currently taken, so a handful of documents, and only
 * after a crash).
 */
const leaseSchema = new Schema<LeaseDoc>(
  { _id: { type: String, required: true }, holder: { type: String, required: true }, expiresAt: Date },
  { versionKey: false, strict: 'throw' },
);

export const leaseModels: ModelDefinition[] = [{ name: 'Lease', schema: leaseSchema, collection: 'leases' }];

export interface LeaseOptions {
  /** How long a lease is held at most; work under it must finish well within this. */
  ttlMs?: number;
  /** How long a taker waits for a busy lease before giving up with a 409. */
  waitMs?: number;
}

/** The answer when a key stays busy longer than a request may wait: nothing was applied, try again. */
export const leaseBusy = () =>
  new AppError(409, 'busy', 'Someone else is changing this record right now; nothing was changed, try again');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs work under a key's lease, one holder at a time across every instance
 * on the database. Within this process takers queue on a mutex first (only
 * one of them polls the database), which also serialises FerretDB's
 * read-modify-write updates of one document.
 */
export function leases(connection: Connection, options: LeaseOptions = {}) {
  const Lease = connection.model('Lease') as unknown as Model<LeaseDoc>;
  const ttlMs = options.ttlMs ?? 15_000;
  const waitMs = options.waitMs ?? 8_000;
  const local = keyedMutex();
  const instance = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  let taken = 0;

  async function acquire(key: string): Promise<LeaseDoc> {
    const deadline = Date.now() + waitMs;
    const holder = `${instance}:${++taken}`;
    for (let attempt = 0; ; attempt++) {
      const lease = { _id: key, holder, expiresAt: new Date(Date.now() + ttlMs) };
      try {
        await Lease.create(lease);
        return lease;
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
      const current = await Lease.findById(key).lean<LeaseDoc>();
      if (current && current.expiresAt.getTime() < Date.now()) {
        // Its holder died while holding it: take it over, unless another taker just did.
        const fresh = { holder, expiresAt: new Date(Date.now() + ttlMs) };
        const took = await Lease.findOneAndUpdate(
          { _id: key, holder: current.holder, expiresAt: current.expiresAt },
          { $set: fresh },
          { new: true },
        ).lean<LeaseDoc>();
        if (took?.holder === holder) return { _id: key, ...fresh };
      }
      if (Date.now() > deadline) throw leaseBusy();
      await sleep(Math.min(100, 5 * 2 ** Math.min(attempt, 5)) + Math.random() * 10);
    }
  }

  async function release(lease: LeaseDoc): Promise<void> {
    // Within its term nobody else can have taken it: delete by `_id`. Past it, only if it is still ours.
    if (Date.now() < lease.expiresAt.getTime() - 1000) await Lease.deleteOne({ _id: lease._id });
    else await Lease.deleteOne({ _id: lease._id, holder: lease.holder });
  }

  return {
    /** Runs `work` holding `key`'s lease; throws a 409 (`busy`) when it cannot be had in time. */
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      return local(key, async () => {
        const lease = await acquire(key);
        try {
          return await work();
        } finally {
          await release(lease).catch(() => undefined);
        }
      });
    },
  };
}

export type Leases = ReturnType<typeof leases>;
