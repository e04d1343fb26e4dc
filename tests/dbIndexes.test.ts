import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose, { type Connection, Schema } from 'mongoose';
import { connectDb, type Db, isDuplicateKey } from '../server/src/platform/db';
import { testServices } from './helpers/app';

/**
 * The indexes the schemas declare, as each engine gets them: on FerretDB (which answers only a bare `_id` filter
 * from an index) the unique ones alone, a plain one an earlier version created being dropped; on MongoDB all.
 */
const schema = new Schema({ owner: { type: String, index: true }, key: { type: String } });
schema.index({ key: 1 }, { unique: true });
const definitions = [{ name: 'IndexProbe', schema, collection: 'indexprobes' }];

describe('indexes per database engine', () => {
  const { mongodbUri } = testServices();
  const dbName = `t_idx_${crypto.randomBytes(4).toString('hex')}`;
  let client: Connection;
  let db: Db;
  let ferretdb: boolean;

  beforeAll(async () => {
    client = await mongoose.createConnection(mongodbUri).asPromise();
    ferretdb = !!(await client.db!.admin().command({ buildInfo: 1 })).ferretdbVersion;
    // As an earlier version left it: the plain index created with the collection.
    await client.getClient().db(dbName).collection('indexprobes').createIndex({ owner: 1 });
    db = await connectDb(mongodbUri, dbName, definitions);
  });

  afterAll(async () => {
    await db?.connection.dropDatabase();
    await db?.close();
    await client?.close();
  });

  it('keeps the unique index everywhere and the plain one on MongoDB only', async () => {
    const keys = (await client.getClient().db(dbName).collection('indexprobes').indexes()).map((i) =>
      JSON.stringify(i.key),
    );
    expect(keys).toContain(JSON.stringify({ key: 1 }));
    if (ferretdb) expect(keys).not.toContain(JSON.stringify({ owner: 1 }));
    else expect(keys).toContain(JSON.stringify({ owner: 1 }));
  });

  it('still refuses a duplicate of the unique key', async () => {
    const probes = db.connection.collection('indexprobes');
    await probes.insertOne({ owner: 'a', key: 'k1' });
    const second = await probes.insertOne({ owner: 'b', key: 'k1' }).catch((err: unknown) => err);
    expect(isDuplicateKey(second)).toBe(true);
    expect(await probes.countDocuments({ key: 'k1' })).toBe(1);
  });
});
