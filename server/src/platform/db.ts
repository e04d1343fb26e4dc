import mongoose, { type Connection, type Model, type Schema } from 'mongoose';
import { mapLimit } from './lib/mapLimit';
import { retryBusy } from './lib/retryBusy';

mongoose.set('strictQuery', true);

/** A model a module registers: its schema stays in the module, read and written only by the module's store. */
export interface ModelDefinition {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: schemas of every shape.
  schema: Schema<any>;
  collection?: string;
}

export interface Db {
  connection: Connection;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Statements per update command a bulk write sends. FerretDB 1.24 on SQLite
 * holds one pooled connection for each statement of a command until the
 * command ends, and its pool has 100: an update command of more than 100
 * statements on existing documents waits for itself forever (the whole
 * database with it). Measured: 99 statements answer in 0.2 s, 101 never.
 */
export const BULK_STATEMENTS = 50;

/** `model.bulkWrite(ops)` as commands of at most BULK_STATEMENTS statements, one after another. */
export async function bulkWriteInCommands<T>(
  model: { bulkWrite(ops: T[], options?: { ordered?: boolean }): Promise<unknown> },
  ops: T[],
  options: { ordered?: boolean } = {},
): Promise<void> {
  for (let i = 0; i < ops.length; i += BULK_STATEMENTS)
    await model.bulkWrite(ops.slice(i, i + BULK_STATEMENTS), options);
}

/**
 * A module's store for one database: built on first use and kept per
 * connection (tests run several apps, each on its own database). A store is
 * the only code that queries its module's collections; its queries are named
 * for what they find, and those that read a whole collection on FerretDB are
 * named `scan…` and stay off request paths.
 */
export function defineStore<S>(build: (connection: Connection) => S): (db: Db) => S {
  const stores = new WeakMap<Db, S>();
  return (db) => {
    let store = stores.get(db);
    if (!store) {
      store = build(db.connection);
      stores.set(db, store);
    }
    return store;
  };
}

/**
 * Documents by id, each read by `_id` in parallel: FerretDB answers only a
 * bare `{_id}` filter from an index and reads the whole collection for `$in`.
 * Duplicate ids are read once; missing documents are left out. `concurrency`
 * bounds the reads in flight (background work, so requests do not queue behind it).
 */
export async function findEachById<T>(
  model: { findById(id: string, projection?: Record<string, 0 | 1>): { lean(): PromiseLike<unknown> } },
  ids: unknown[],
  projection?: Record<string, 0 | 1>,
  concurrency = Number.POSITIVE_INFINITY,
): Promise<T[]> {
  const unique = [...new Set(ids.filter((id) => id !== null && id !== undefined).map(String))];
  const found = await mapLimit(unique, concurrency, async (id) => model.findById(id, projection).lean());
  return found.filter((d) => d !== null) as T[];
}

/** Documents by id as a map from id to document (see findEachById). */
export async function mapEachById<T extends { _id: unknown }>(
  model: Parameters<typeof findEachById>[0],
  ids: unknown[],
  projection?: Record<string, 0 | 1>,
): Promise<Map<string, T>> {
  return new Map((await findEachById<T>(model, ids, projection)).map((d) => [String(d._id), d]));
}

/**
 * Inserts documents (each with its `_id` already chosen) exactly once,
 * retrying on SQLITE_BUSY: a refused batch may have written part of itself,
 * so a retry inserts only the documents that are not there yet (looked up by `_id`).
 * The documents are stored as given: each must have been cast, defaulted and
 * validated by its model already (a store's `hydrate`), so the model does not do it twice.
 */
export async function insertOnce<D extends { _id: unknown }>(
  model: { insertMany(docs: D[], options: { lean: true }): Promise<unknown> } & Parameters<typeof findEachById>[0],
  docs: D[],
): Promise<void> {
  let attempt = 0;
  await retryBusy(async () => {
    attempt += 1;
    const written =
      attempt > 1
        ? new Set(
            (
              await findEachById<{ _id: unknown }>(
                model,
                docs.map((d) => d._id),
                { _id: 1 },
                16,
              )
            ).map((d) => String(d._id)),
          )
        : new Set<string>();
    const missing = docs.filter((d) => !written.has(String(d._id)));
    if (missing.length) await model.insertMany(missing, { lean: true });
  });
}

/**
 * A new document as `new model(fields)` would store it — cast, its defaults and an `_id` applied — checked as
 * its `validateSync` would for what bulk writes store: no field outside a strict schema, every required path
 * set, every enum respected (a ValidationError naming the paths otherwise; a schema with any other validator
 * is refused). Subdocuments in arrays are cast but not validated: bulk writes store none. Builds no Mongoose
 * document: the constructor alone cost ~0.26 ms a listing, a third of an import's work per row before its write.
 */
export function castNew<T>(model: Model<T>, fields: Record<string, unknown>): T & { _id: unknown } {
  const { schema } = model;
  const error = new mongoose.Error.ValidationError();
  const refuse = (path: string, message: string, value: unknown) =>
    error.addError(path, new mongoose.Error.ValidatorError({ path, message, value }));
  if (schema.get('strict') !== false) {
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined && schema.pathType(key) === 'adhocOrUndefined')
        refuse(key, `Path \`${key}\` is not in schema.`, value);
    }
  }
  // Cast errors throw here, as a ValidationError naming their paths.
  const doc = model.castObject(fields) as Record<string, unknown>;
  model.applyDefaults(doc);
  doc._id ??= new mongoose.Types.ObjectId();
  for (const path of schema.requiredPaths()) {
    if (valueAt(doc, path) == null) refuse(path, `Path \`${path}\` is required.`, undefined);
  }
  schema.eachPath((path, type) => {
    const other = (type as { validators?: { type?: string }[] }).validators?.find(
      (v) => v.type !== 'required' && v.type !== 'enum',
    );
    // A model whose paths check more than this must be built as a document.
    if (other) throw new Error(`castNew checks required and enum paths only: ${path} has a ${other.type} validator`);
    const allowed = (type as { enumValues?: unknown[] }).enumValues;
    const value = valueAt(doc, path);
    if (allowed?.length && value != null && !allowed.includes(value)) {
      refuse(path, `\`${String(value)}\` is not a valid enum value for path \`${path}\`.`, value);
    }
  });
  if (Object.keys(error.errors).length) throw error;
  return doc as T & { _id: unknown };
}

/**
 * The indexes FerretDB gets: it answers only a bare `_id` filter from an index (every other filter reads the whole
 * collection), so there a secondary index serves no read and only costs writes (inserting a 6 KB document took
 * 0.30 ms alone and 0.58 ms with six such indexes). The unique ones stay, for their constraint; the others a
 * schema declares are dropped where an earlier version created them. MongoDB gets every index declared.
 */
// biome-ignore lint/suspicious/noExplicitAny: models of every shape.
async function createUniqueIndexes(model: Model<any>): Promise<void> {
  const declared = model.schema.indexes();
  const plain = new Set(declared.filter(([, options]) => !options?.unique).map(([fields]) => JSON.stringify(fields)));
  for (const index of await model.collection.indexes()) {
    if (index.name && !index.unique && plain.has(JSON.stringify(index.key)))
      await model.collection.dropIndex(index.name);
  }
  for (const [fields, options] of declared) {
    if (options?.unique)
      await model.collection.createIndex(
        fields as mongoose.mongo.IndexSpecification,
        options as mongoose.mongo.CreateIndexesOptions,
      );
  }
}

const valueAt = (doc: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | null | undefined)?.[key], doc);

/** Whether a write failed on a unique index (the document or key exists already). */
export const isDuplicateKey = (err: unknown) => (err as { code?: number })?.code === 11000;

/**
 * After an unordered `insertMany` failed: the indexes of the documents refused because their `_id` is stored
 * already (inserted by an earlier try, or by someone else); rethrows any other failure.
 */
export function storedAlready(err: unknown): number[] {
  const writeErrors = (err as { writeErrors?: { index: number; code?: number; err?: { code?: number } }[] })
    .writeErrors;
  if (!writeErrors?.length || writeErrors.some((w) => !isDuplicateKey({ code: w.code ?? w.err?.code }))) throw err;
  return writeErrors.map((w) => w.index);
}

/**
 * One connection per app instance, with every module's models registered on
 * it (never globally) and every collection created up front (the engine's
 * tuning in `prepare` applies to existing tables).
 */
export async function connectDb(
  uri: string,
  dbName: string,
  definitions: ModelDefinition[],
  prepare: (dbName: string) => Promise<void> = async () => undefined,
): Promise<Db> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    // How long an operation waits while the driver knows no live server (after a connection to it
    // failed). Measured here: the embedded FerretDB is back 0.6 s after a SIGKILL (0.5 s back-off,
    // 0.1 s start) and the driver finds it within the next 0.5 s (while an operation waits, it
    // checks every 500 ms), so an operation caught by the restart completes (450 ms for one sent
    // 0.1 s before it); 3 s also covers a second attempt (1 s back-off) on a loaded machine. An
    // external database that is down now answers 503 after 3.1 s instead of 10 s; requests to an
    // embedded one that is restarting do not wait at all (http/middleware/serviceGate.ts).
    serverSelectionTimeoutMS: 3000,
    // Mongoose 8 buffers only before the first connection and in connection-level helpers, where
    // a buffered command failed after bufferTimeoutMS (10 s) with a MongooseError (a 500). Off,
    // every operation goes to the driver and fails as above with an error mapped to 503; after the
    // first connection the measured behaviour during an outage was the same either way.
    bufferCommands: false,
    // Kept at their defaults: heartbeatFrequencyMS (10 s; a dead server is found by the first
    // operation that fails on it, not by the monitor) and socketTimeoutMS (none; a killed server
    // closes its sockets at once, and a limit would cut long legitimate operations such as imports).
    autoIndex: false,
  });
  await connection.asPromise();
  const models = definitions.map((d) => connection.model(d.name, d.schema, d.collection));
  for (const m of models) {
    await m.createCollection().catch((err: { code?: number }) => {
      if (err.code !== 48) throw err; // NamespaceExists
    });
  }
  const ferretdb = !!(await connection.db?.admin().command({ buildInfo: 1 }))?.ferretdbVersion;
  await Promise.all(models.map((m) => (ferretdb ? createUniqueIndexes(m) : m.createIndexes())));
  await prepare(dbName);
  return {
    connection,
    async ping() {
      try {
        const db = connection.db;
        if (!db) return false;
        await db.admin().command({ ping: 1 }, { timeoutMS: 2000 });
        return true;
      } catch {
        return false;
      }
    },
    close: () => connection.close(),
  };
}
