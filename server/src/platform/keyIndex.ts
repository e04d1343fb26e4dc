import { type Connection, type Model, Schema } from 'mongoose';
import type { ModelDefinition } from './db';
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
  add(key: string, ids: string[], keep?: number): Promise<void>;
  /**
   * Adds ids under several keys in one bulk command (each key's ids once; with `keep`, only the newest `keep`
   * ids stay under each key): the keys of a batch of new records.
   */
  addEach(entries: Map<string, string[]>, keep?: number): Promise<void>;
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

export function keyIndex(connection: Connection, name: string): KeyIndex {
  const model = connection.model(name) as unknown as Model<KeyDoc>;
  const serial = keyedMutex();
  const addEach: KeyIndex['addEach'] = async (entries, keep) => {
    const keys = [...entries.keys()].filter((k) => entries.get(k)?.length).sort();
    if (!keys.length) return;
    // Every key's lock, taken in one order (no two batches wait on each other).
    const locked = (i: number): Promise<void> => (i === keys.length ? write() : serial(keys[i], () => locked(i + 1)));
    const write = async () => {
      const current = new Map<string, string[]>();
      if (keep !== undefined)
        await Promise.all(keys.map(async (k) => current.set(k, (await model.findById(k).lean<KeyDoc>())?.ids ?? [])));
      await model.bulkWrite(
        keys.map((k) => {
          const ids = [...new Set(entries.get(k))];
          const update =
            keep === undefined
              ? { $addToSet: { ids: { $each: ids } } }
              : { $set: { ids: [...new Set([...(current.get(k) ?? []), ...ids])].slice(-keep) } };
          return { updateOne: { filter: { _id: k }, update, upsert: true } };
        }),
        { ordered: false },
      );
    };
    await locked(0);
  };
  return {
    async get(key) {
      return (await model.findById(key).lean<KeyDoc>())?.ids ?? [];
    },
    add: (key, ids, keep) => addEach(new Map([[key, ids]]), keep),
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
