import { defaultCacheDir } from '../server/src/platform/services';
import { indexFerretdbIds } from '../server/src/platform/services/ferretdb';
import { startTestApp, type TestApp } from './helpers/app';

/**
 * FerretDB 1.24 finds the document to update or delete by an expression its
 * own _id index does not match; the app adds the matching index to every
 * collection once they exist. Only meaningful when FerretDB is the engine.
 */
const onFerretdb = process.env.TB_TEST_DB_ENGINE === 'ferretdb' ? describe : describe.skip;

onFerretdb('FerretDB _id lookup index', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  const index = () =>
    indexFerretdbIds(process.env.CACHE_DIR ?? defaultCacheDir, process.env.TB_TEST_DATA_DIR!, t.ctx.config.mongodbDb);

  it('every collection has it from the start, and adding it again changes nothing', async () => {
    expect(await index()).toBe(0);
  });

  it('a collection created later gets it on the next run', async () => {
    await t.ctx.db.connection.createCollection('later_collection');
    expect(await index()).toBe(1);
    expect(await index()).toBe(0);
  });
});
