import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { MeiliSearch } from 'meilisearch';
import mongoose from 'mongoose';
import request from 'supertest';
import { columns, listingToRow } from '../server/src/modules/imports/columns';
import { searchDocId } from '../server/src/modules/search/listingsIndex';
import { defaultCacheDir } from '../server/src/platform/services';
import { ensureFerretdb, indexFerretdbIds, startFerretdb } from '../server/src/platform/services/ferretdb';
import { findMeiliBinary, startMeili } from '../server/src/platform/services/meili';
import { getFreePort } from '../server/src/platform/services/ports';
import { startTestApp, type TestApp, testServices } from './helpers/app';
import { buildListing, buildOrg, offerInput, PASSWORD } from './helpers/factories';
import { repoRoot, spawnTs, waitFor, waitForReady } from './helpers/processes';
import { connectAs } from './helpers/sockets';

/**
 * Faults: each service is killed (SIGKILL, no goodbye) and restarted while
 * clients keep writing. Every write the API acknowledged must be there
 * afterwards, and the search index must converge on exactly the published
 * listings. A refused write must be refused clearly (503), never with a 500.
 */
jest.setTimeout(180_000);

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** What the API acknowledged to the writers. */
interface Ledger {
  created: Set<string>;
  published: Set<string>;
  /** Every answer's status (0: no answer, the connection failed). */
  statuses: number[];
  /** Publications acknowledged after the restart: the app reconnected on its own. */
  publishedAfterRestart: number;
  restarted: boolean;
}

const newLedger = (): Ledger => ({
  created: new Set(),
  published: new Set(),
  statuses: [],
  publishedAfterRestart: 0,
  restarted: false,
});

/** `writers` clients creating and publishing offers through the HTTP API until `stop()` is true. */
async function write(base: string, token: string, ledger: Ledger, stop: () => boolean, writers = 3): Promise<void> {
  const call = async (method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    try {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      ledger.statuses.push(res.status);
      return { status: res.status, json: await res.json().catch(() => null) };
    } catch {
      ledger.statuses.push(0);
      await new Promise((r) => setTimeout(r, 100));
      return { status: 0, json: null };
    }
  };
  let n = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (!stop()) {
        const i = n++;
        const created = await call(
          'POST',
          '/api/offers',
          offerInput({ title: `Thiết bị thử sự cố số ${i}`, keywords: ['thusuco'] }),
        );
        if (created.status !== 201) continue;
        const id = (created.json as { data: { id: string } }).data.id;
        ledger.created.add(id);
        const published = await call('POST', `/api/offers/${id}/publish`);
        if (published.status === 200) {
          ledger.published.add(id);
          if (ledger.restarted) ledger.publishedAfterRestart += 1;
        }
      }
    }),
  );
}

/** Acknowledged writes are all in the database, answers were 2xx or a clear 503, and the index holds exactly what is published. */
async function expectDurableAndConverged(
  models: { Offer: mongoose.Model<{ status: string; deletedAt?: Date | null }> },
  index: ReturnType<MeiliSearch['index']>,
  ledger: Ledger,
): Promise<void> {
  expect(ledger.published.size).toBeGreaterThan(0);
  expect(ledger.publishedAfterRestart).toBeGreaterThan(0);
  expect(ledger.statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);

  const stored = await models.Offer.find({ _id: { $in: [...ledger.created] } }, { status: 1 }).lean();
  expect(stored.map((o) => String(o._id)).sort()).toEqual([...ledger.created].sort());
  const status = new Map(stored.map((o) => [String(o._id), o.status]));
  for (const id of ledger.published) expect(status.get(id)).toBe('published');

  await waitFor(
    async () => {
      const published = await models.Offer.find({ status: 'published', deletedAt: null }, { _id: 1 }).lean();
      const want = published.map((o) => searchDocId('offer', String(o._id))).sort();
      const docs = await index.getDocuments({ limit: 10_000, fields: ['id'] }).catch(() => null);
      const have = (docs?.results ?? []).map((d) => String(d.id)).sort();
      return JSON.stringify(want) === JSON.stringify(have);
    },
    90_000,
    'the search index to hold exactly the published listings',
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the database is killed and restarted during writes', () => {
  it('keeps every acknowledged write, answers 503 meanwhile, reconnects, and the index converges', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-fault-db-'));
    const cacheDir = process.env.CACHE_DIR ?? defaultCacheDir;
    const binary = await ensureFerretdb(cacheDir, silent);
    const port = await getFreePort();
    let ferret = await startFerretdb(binary, dataDir, port);
    const t = await startTestApp(
      {},
      {
        ...testServices(),
        mongodbUri: ferret.uri,
        prepareDatabase: async (db) => void (await indexFerretdbIds(cacheDir, dataDir, db)),
      },
    );
    try {
      const owner = await buildOrg(t, { type: 'research_institute', verified: true });
      const ledger = newLedger();
      let stop = false;
      const writing = write(t.url, owner.accessToken, ledger, () => stop);
      await waitFor(() => ledger.published.size >= 5, 30_000, 'writes before the fault');
      process.kill(ferret.child.pid, 'SIGKILL');
      await ferret.child.exited;
      // Down for longer than the driver waits for a server (10 s): requests meanwhile get a clear 503.
      await waitFor(() => ledger.statuses.includes(503), 30_000, 'a 503 while the database is down');
      ferret = await startFerretdb(binary, dataDir, port);
      ledger.restarted = true;
      await waitFor(() => ledger.publishedAfterRestart >= 5, 60_000, 'writes after the restart');
      stop = true;
      await writing;

      await expectDurableAndConverged(
        t.models as never,
        t.ctx.search.client.index(t.workers.searchSync.indexUid),
        ledger,
      );
      expect((await request(t.app.server).get('/api/health')).body).toEqual({ status: 'ok', db: 'up', search: 'up' });
    } finally {
      await t.close();
      await ferret.child.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('Meilisearch is killed and restarted during writes', () => {
  it('keeps every acknowledged write and the index converges once it is back', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-fault-meili-'));
    const port = await getFreePort();
    const binary = findMeiliBinary(process.env.MEILI_BINARY);
    let meili = await startMeili(binary, dataDir, port);
    const t = await startTestApp({}, { ...testServices(), meiliUrl: meili.url, meiliMasterKey: meili.masterKey });
    try {
      const owner = await buildOrg(t, { type: 'research_institute', verified: true });
      const ledger = newLedger();
      let stop = false;
      const writing = write(t.url, owner.accessToken, ledger, () => stop);
      await waitFor(() => ledger.published.size >= 5, 30_000, 'writes before the fault');
      process.kill(meili.child.pid, 'SIGKILL');
      await meili.child.exited;
      // Writes go on while search is away: the database is the source of truth.
      const during = ledger.published.size;
      await waitFor(() => ledger.published.size >= during + 3, 30_000, 'writes while Meilisearch is down');
      meili = await startMeili(binary, dataDir, port);
      ledger.restarted = true;
      await waitFor(() => ledger.publishedAfterRestart >= 5, 60_000, 'writes after the restart');
      stop = true;
      await writing;

      // No write was refused: search is not on the write path.
      expect(ledger.statuses.filter((s) => s !== 200 && s !== 201)).toEqual([]);
      await expectDurableAndConverged(
        t.models as never,
        t.ctx.search.client.index(t.workers.searchSync.indexUid),
        ledger,
      );
    } finally {
      await t.close();
      await meili.child.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the app process', () => {
  const services = () => testServices();
  const main = path.join(repoRoot, 'server/src/main.ts');

  /** The app as `npm start` runs it, against the test run's database and search. */
  async function spawnApp(port: number, dataDir: string, dbName: string, jwtSecret: string) {
    const s = services();
    const child = spawnTs(main, [], {
      PORT: String(port),
      DATA_DIR: dataDir,
      MONGODB_URI: s.mongodbUri,
      MONGODB_DB: dbName,
      MEILI_URL: s.meiliUrl,
      MEILI_MASTER_KEY: s.meiliMasterKey,
      MEILI_INDEX_PREFIX: `${dbName}_`,
      JWT_SECRET: jwtSecret,
      ADMIN_EMAIL: 'admin@faults.test',
      ADMIN_PASSWORD: 'QuanTri-2026-faults',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      SHUTDOWN_GRACE_SECONDS: '20',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForReady(base, 60_000, `the app on ${base}:\n${child.output()}`);
    return { child, base };
  }

  async function json<T>(res: Response | Promise<Response>): Promise<T> {
    const r = await res;
    if (!r.ok) throw new Error(`${r.url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  }

  /** A verified institute: registered through the API, verified by the bootstrapped administrator. */
  async function verifiedOwner(base: string): Promise<string> {
    const post = (url: string, body: unknown, token?: string, method = 'POST') =>
      fetch(`${base}${url}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const reg = await json<{ accessToken: string; organization: { id: string } }>(
      post('/api/auth/register', {
        email: `vien-${crypto.randomBytes(3).toString('hex')}@faults.test`,
        password: PASSWORD,
        name: 'Viện thử sự cố',
        organization: { name: 'Viện thử sự cố', type: 'research_institute', province: 'HN' },
      }),
    );
    const admin = await json<{ accessToken: string }>(
      post('/api/auth/login', { email: 'admin@faults.test', password: 'QuanTri-2026-faults' }),
    );
    await json(post(`/api/admin/organizations/${reg.organization.id}`, { verified: true }, admin.accessToken, 'PATCH'));
    return reg.accessToken;
  }

  async function inspect(dbName: string) {
    const s = services();
    const conn = await mongoose.createConnection(s.mongodbUri, { dbName }).asPromise();
    const Offer = conn.model('Offer', new mongoose.Schema({ status: String, deletedAt: Date }, { strict: false }));
    const Event = conn.model('Event', new mongoose.Schema({}, { strict: false }));
    const meili = new MeiliSearch({ host: s.meiliUrl, apiKey: s.meiliMasterKey });
    return { conn, Offer, Event, index: meili.index(`${dbName}_listings`) };
  }

  it('killed during writes and started again: every acknowledged write is there and the index converges', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-fault-app-'));
    const dbName = `t_fault_${crypto.randomBytes(4).toString('hex')}`;
    const jwtSecret = crypto.randomBytes(32).toString('hex');
    const port = await getFreePort();
    let app = await spawnApp(port, dataDir, dbName, jwtSecret);
    const db = await inspect(dbName);
    try {
      const token = await verifiedOwner(app.base);
      const ledger = newLedger();
      let stop = false;
      const writing = write(app.base, token, ledger, () => stop);
      await waitFor(() => ledger.published.size >= 5, 30_000, 'writes before the fault');
      app.child.kill('SIGKILL');
      await new Promise((r) => app.child.once('exit', r));
      app = await spawnApp(port, dataDir, dbName, jwtSecret);
      ledger.restarted = true;
      await waitFor(() => ledger.publishedAfterRestart >= 5, 60_000, 'writes after the restart');
      stop = true;
      await writing;

      // While the process was gone, connections failed (status 0): nothing was acknowledged.
      expect(ledger.statuses).toContain(0);
      await expectDurableAndConverged({ Offer: db.Offer } as never, db.index, ledger);
    } finally {
      app.child.kill('SIGINT');
      await new Promise((r) => app.child.once('exit', r));
      await db.conn.dropDatabase().catch(() => undefined);
      await db.index.delete().catch(() => undefined);
      await db.conn.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('on SIGTERM: stops accepting, finishes the request in flight, closes sockets, flushes the outbox, exits 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-fault-term-'));
    const dbName = `t_term_${crypto.randomBytes(4).toString('hex')}`;
    const port = await getFreePort();
    const app = await spawnApp(port, dataDir, dbName, crypto.randomBytes(32).toString('hex'));
    const db = await inspect(dbName);
    try {
      const token = await verifiedOwner(app.base);
      const socket = await connectAs({ url: app.base } as TestApp, token);
      const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));

      // A bulk import of 1,500 rows takes a few seconds: SIGTERM arrives while it runs.
      const lines: (string | number)[][] = [columns.offer];
      for (let i = 0; i < 1_500; i++)
        lines.push(
          listingToRow('offer', {
            ...offerInput({ title: `Máy sấy nông sản dừng êm ${i}`, keywords: ['dungem'] }),
            externalRef: `TERM-${i}`,
          } as never),
        );
      const form = new FormData();
      form.append('file', new Blob([stringify(lines)], { type: 'text/csv' }), 'offers.csv');
      const importing = fetch(`${app.base}/api/import/offer?dryRun=false`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      await sleep(400);
      app.child.kill('SIGTERM');
      await waitFor(
        () =>
          new Promise<boolean>((resolve) => {
            const c = net.connect(port, '127.0.0.1');
            c.once('connect', () => {
              c.destroy();
              resolve(false);
            });
            c.once('error', () => resolve(true));
          }),
        10_000,
        'new connections to be refused',
      );

      const res = await importing;
      const report = (await res.json()) as { data?: { created: number; invalid: number } };
      expect({ status: res.status, report: report.data }).toMatchObject({
        status: 200,
        report: { created: 1_500, invalid: 0 },
      });
      expect(await disconnected).toBe('transport close');
      const code = await new Promise<number | null>((resolve) => app.child.once('exit', resolve));
      expect(code).toBe(0);

      expect(await db.Offer.countDocuments({})).toBe(1_500);
      // Nothing the instance accepted is left undelivered in the outbox.
      expect(await db.Event.countDocuments({})).toBe(0);
    } finally {
      if (app.child.exitCode === null) app.child.kill('SIGKILL');
      await db.conn.dropDatabase().catch(() => undefined);
      await db.index.delete().catch(() => undefined);
      await db.conn.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('readiness while draining (in process)', () => {
  it('turns readiness to 503 at once while liveness stays 200', async () => {
    const t = await startTestApp();
    try {
      expect((await request(t.app.app).get('/api/health/ready')).status).toBe(200);
      const owner = await buildOrg(t, { verified: true });
      await buildListing(t, owner, 'offer');
      const closing = t.app.close();
      const ready = await request(t.app.app).get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe('draining');
      expect((await request(t.app.app).get('/api/health/live')).status).toBe(200);
      await closing;
    } finally {
      await t.close();
    }
  });
});
