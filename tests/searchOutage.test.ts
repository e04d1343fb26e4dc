import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { findMeiliBinary, startMeili } from '../server/src/platform/services/meili';
import { getFreePort } from '../server/src/platform/services/ports';
import { startTestApp, type TestApp, testServices } from './helpers/app';
import { buildListing, buildOrg } from './helpers/factories';

/**
 * MongoDB is the source of truth; a Meilisearch outage must never lose a write.
 * This file runs its own Meilisearch so it can stop and restart it.
 */
describe('search outage', () => {
  jest.setTimeout(90_000);
  let t: TestApp;
  let meili: Awaited<ReturnType<typeof startMeili>>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-meili-outage-'));
  let port: number;

  beforeAll(async () => {
    port = await getFreePort();
    meili = await startMeili(findMeiliBinary(process.env.MEILI_BINARY), dataDir, port);
    t = await startTestApp({}, { ...testServices(), meiliUrl: meili.url, meiliMasterKey: meili.masterKey });
  });
  afterAll(async () => {
    await t.close();
    await meili.child.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes made while Meilisearch is down become searchable after it returns, and nothing else changes', async () => {
    const owner = await buildOrg(t, { type: 'research_institute', verified: true });
    await buildListing(t, owner, 'offer', { title: 'Chế phẩm vi sinh trước sự cố', keywords: ['truocsuco'] });
    await buildListing(t, owner, 'demand', { title: 'Nhu cầu máy ép viên trước sự cố', keywords: ['truocsuco'] });
    await t.workers.searchSync.settled();
    const index = t.ctx.search.client.index(t.workers.searchSync.indexUid);
    const before = (await index.getDocuments({ limit: 100 })).results;
    expect(before).toHaveLength(2);

    await meili.child.stop();
    expect((await request(t.app.server).get('/api/health')).body.search).toBe('down');

    const during: string[] = [];
    for (const title of ['Máy sấy lạnh trong sự cố', 'Cảm biến độ mặn trong sự cố', 'Giống lúa chịu hạn trong sự cố']) {
      const listing = await buildListing(t, owner, 'offer', { title, keywords: ['trongsuco'] });
      expect(listing.status).toBe('published');
      during.push(listing.id);
    }
    const search = await request(t.app.server).get('/api/search?q=trongsuco');
    expect(search.status).toBe(503);
    expect(await t.models.Offer.countDocuments({ searchDirty: true })).toBe(3);

    meili = await startMeili(findMeiliBinary(process.env.MEILI_BINARY), dataDir, port);
    await t.workers.searchSync.settled(60_000);

    const after = await request(t.app.server).get('/api/search?q=trongsuco');
    expect(after.status).toBe(200);
    expect(after.body.hits.map((h: { id: string }) => h.id).sort()).toEqual([...during].sort());
    const docs = (await index.getDocuments({ limit: 100 })).results;
    expect(docs).toHaveLength(5);
    for (const doc of before) expect(docs.find((d) => d.id === doc.id)).toEqual(doc);
  });
});
