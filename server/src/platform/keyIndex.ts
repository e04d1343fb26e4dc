import { type Connection, type Model, Schema } from 'mongoose';
import { bulkWriteInCommands, type ModelDefinition } from './db';
import { keyedMutex } from './lib/keyedMutex';

interface KeyDoc {
  _id: string;
  ids: string[];
}

/**
 * A key collection: one small document per key (`_id`), listing the ids of
 * the records that belong to it, oldest first — an organisation's listings
 * or deals, a user's sessions, the requests waiting for review. FerretDB
 * answers only a bare `{_id}` filter from an index, so a request that needs
 * "the records of X" reads X's key document and then each record by `_id`,
 * instead of filtering the records' collection (a full read of it).
 *
 * Writes to one key are serialised in this process: FerretDB applies
 * `$addToSet`/`$pull` as read-modify-write, so two concurrent changes of one
 * key could lose one of them (on MongoDB the lock is merely redundant).
 */
export interface KeyIndex {
  /** The ids under a key, oldest first (empty for an unknown key). */
  get(key: string): Promise<string[]>;
  /** Adds ids under a key (each once); with `keep`, only the newest `keep` ids stay under it. */
  add(key: string, ids: string[], keep?: number, slack?: number): Promise<void>;
  /**
   * Adds ids under several keys in one bulk command (each key's ids once; with `keep`, only the newest `keep`
   * ids stay under each key): the keys of a batch of new records. With `slack` too, a key may hold up to
   * `keep + slack` ids before it is trimmed back to `keep` (its readers take the newest `keep`): most additions
   * then write without reading the key first.
   */
  addEach(entries: Map<string, string[]>, keep?: number, slack?: number): Promise<void>;
  /** Removes ids from a key. */
  remove(key: string, ids: string[]): Promise<void>;
  /** Replaces the whole list of a key (e.g. a single value). */
  set(key: string, ids: string[]): Promise<void>;
  /** Creates the key with these ids if it does not exist; resolves false when it already did (a uniqueness check). */
  claim(key: string, ids: string[]): Promise<boolean>;
  drop(key: string): Promise<void>;
}

const keySchema = new Schema<KeyDoc>(
  { _id: { type: String, required: true }, ids: { type: [String], default: [] } },
  { versionKey: false, strict: 'throw' },
);

/** The model definition of a key collection, registered like any other model. */
export function keyIndexDefinition(name: string, collection: string): ModelDefinition {
  return { name, schema: keySchema, collection };
}

/** How many keys' sizes a key index remembers (one forgotten is read at its next addition). */
const MAX_SIZES = 10_000;

export function keyIndex(connection: Connection, name: string): KeyIndex {
  const model = connection.model(name) as unknown as Model<KeyDoc>;
  const serial = keyedMutex();
  /** With slack: at most how many ids each key holds, as far as this process knows (its own additions counted). */
  const sizes = new Map<string, number>();
  const write = async (entries: Map<string, string[]>, keep?: number, slack = 0): Promise<void> => {
    const keys = [...entries.keys()].filter((k) => entries.get(k)?.length).sort();
    if (!keys.length) return;
    // Every key's lock, taken in one order (no two batches wait on each other).
    const locked = (i: number): Promise<void> =>
      i === keys.length ? writeLocked() : serial(keys[i], () => locked(i + 1));
    const writeLocked = async () => {
      // Keys to trim: read first, then set to their newest `keep` ids.
      const trim =
        keep === undefined
          ? []
          : keys.filter(
              (k) => !slack || (sizes.get(k) ?? Number.POSITIVE_INFINITY) + entries.get(k)!.length > keep + slack,
            );
      const current = new Map<string, string[]>();
      await Promise.all(trim.map(async (k) => current.set(k, (await model.findById(k).lean<KeyDoc>())?.ids ?? [])));
      await bulkWriteInCommands(
        model,
        keys.map((k) => {
          const ids = [...new Set(entries.get(k))];
          const kept = current.has(k)
            ? [...new Set([...(current.get(k) ?? []), ...ids])].slice(-(keep as number))
            : null;
          if (slack) {
            const size = kept ? kept.length : (sizes.get(k) ?? 0) + ids.length;
            sizes.delete(k);
            sizes.set(k, size);
            if (sizes.size > MAX_SIZES) sizes.delete(sizes.keys().next().value as string);
          }
          const update = kept ? { $set: { ids: kept } } : { $addToSet: { ids: { $each: ids } } };
          return { updateOne: { filter: { _id: k }, update, upsert: true } };
        }),
        { ordered: false },
      );
    };
    await locked(0);
  };
  /**
   * Additions made while a write of the same kind (keep, slack) is in flight
   * wait for it and then go together, in one bulk command: parallel writers
   * (matching passes adding pairs to the same listings and organisations)
   * share writes instead of queueing on each key's lock. Additions trimmed
   * exactly (keep without slack) read each key first: written on their own.
   */
  const waiting = new Map<string, { entries: Map<string, string[]>; done: Promise<void> }>();
  const inFlight = new Map<string, Promise<void>>();
  const addEach: KeyIndex['addEach'] = (entries, keep, slack = 0) => {
    if (keep !== undefined && !slack) return write(entries, keep);
    const kind = `${keep}:${slack}`;
    let next = waiting.get(kind);
    if (!next) {
      const batch = new Map<string, string[]>();
      const done = (inFlight.get(kind) ?? Promise.resolve()).then(() => {
        waiting.delete(kind);
        return write(batch, keep, slack);
      });
      next = { entries: batch, done };
      waiting.set(kind, next);
      const settled = done.catch(() => undefined);
      inFlight.set(kind, settled);
      void settled.then(() => {
        if (inFlight.get(kind) === settled) inFlight.delete(kind);
      });
    }
    for (const [key, ids] of entries) next.entries.set(key, [...(next.entries.get(key) ?? []), ...ids]);
    return next.done;
  };
  return {
    async get(key) {
      return (await model.findById(key).lean<KeyDoc>())?.ids ?? [];
    },
    add: (key, ids, keep, slack) => addEach(new Map([[key, ids]]), keep, slack),
    addEach,
    async remove(key, ids) {
      if (!ids.length) return;
      await serial(key, () => model.updateOne({ _id: key }, { $pullAll: { ids } }));
    },
    async set(key, ids) {
      await serial(key, () => model.updateOne({ _id: key }, { $set: { ids } }, { upsert: true }));
    },
    async claim(key, ids) {
      try {
        await model.create({ _id: key, ids });
        return true;
      } catch (err) {
        if ((err as { code?: number }).code === 11000) return false;
        throw err;
      }
    },
    async drop(key) {
      await serial(key, () => model.deleteOne({ _id: key }));
    },
  };
}
