import type { TestApp } from './app';

/**
 * A spy on the database operations of a piece of work (Mongoose's
 * per-connection debug hook, which sees every collection call), and whether
 * FerretDB would answer each from its `_id` index or read the whole collection.
 */
export interface Op {
  collection: string;
  method: string;
  filter: unknown;
  /** The operation's second argument: the update of a write, the projection of a read. */
  update?: unknown;
}

const READS = new Set(['find', 'findOne', 'countDocuments', 'count', 'distinct', 'aggregate']);
const FILTERED = new Set([
  ...READS,
  'updateOne',
  'updateMany',
  'deleteOne',
  'deleteMany',
  'findOneAndUpdate',
  'findOneAndDelete',
  'replaceOne',
]);

/** Whether FerretDB would read the whole collection for this operation (anything but a bare `{_id: value}`). */
export function scans(op: Op): boolean {
  if (!FILTERED.has(op.method)) return false;
  const filter = (op.filter ?? {}) as Record<string, unknown>;
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return true;
  const id = filter._id;
  return typeof id === 'object' && id !== null && !('_bsontype' in id) && !(id instanceof Date);
}

export async function spy<T>(t: TestApp, work: () => Promise<T>): Promise<Op[]> {
  const ops: Op[] = [];
  t.ctx.db.connection.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    ops.push({ collection, method, filter: args[0], update: args[1] });
  });
  try {
    await work();
    return ops;
  } finally {
    t.ctx.db.connection.set('debug', false);
  }
}

export const summary = (ops: Op[]) => {
  const by = new Map<string, number>();
  for (const op of ops) by.set(`${op.collection}.${op.method}`, (by.get(`${op.collection}.${op.method}`) ?? 0) + 1);
  return Object.fromEntries([...by].sort());
};

/**
 * The background loops' own queries, which may run at any moment, also while
 * a request is spied on (on a busy machine, work left from earlier writes):
 * claiming the next event or mail and their settling checks (the outbox and
 * the mail queue hold only what is waiting); the search sync's and the
 * matcher's reads of their work queues and bulk jobs (and whether any is left) (small collections read
 * whole, by design); the saved-search alerts' scan (background, once per
 * published listing). No request path reads these.
 */
const backgroundReads: Record<string, string[]> = {
  outbox: ['findOne', 'findOneAndUpdate'],
  mailqueue: ['find', 'findOne', 'findOneAndUpdate'],
  searchqueue: ['find', 'findOne'],
  matchqueue: ['find', 'findOne'],
  indexjobs: ['find', 'findOne'],
  savedsearches: ['find'],
};
export const background = (op: Op) => backgroundReads[op.collection]?.includes(op.method) ?? false;

/** Operations that would read a whole collection on FerretDB, the background loops' own aside. */
export const requestScans = (ops: Op[]) => ops.filter((op) => scans(op) && !background(op));
