import type { BookmarkDto, SearchHit } from '@techbridge/shared';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildOrg, type Member } from './helpers/factories';

/** Similar listings and bookmarks, against the real database and Meilisearch. */
let t: TestApp;
let lab: Member;
let other: Member;
let reader: Member;
const api = () => request(t.app.server);
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  lab = await buildOrg(t, { type: 'research_institute', verified: true });
  other = await buildOrg(t, { type: 'university', verified: true });
  reader = await buildOrg(t, { type: 'enterprise', verified: true });
  const offers: [string, Member, Record<string, unknown>, boolean?][] = [
    [
      'dryer',
      lab,
      { title: 'Máy sấy xoài bằng bơm nhiệt', keywords: ['máy sấy', 'bơm nhiệt'], sectors: ['food_processing'] },
    ],
    [
      'dryer2',
      other,
      { title: 'Máy sấy nông sản dùng bơm nhiệt tiết kiệm điện', keywords: ['máy sấy'], sectors: ['mechanical'] },
    ],
    ['brick', other, { title: 'Gạch không nung từ tro bay', keywords: ['tro bay'], sectors: ['materials'] }],
    ['draft', other, { title: 'Máy sấy chè bằng bơm nhiệt (bản nháp)', keywords: ['máy sấy'] }, false],
  ];
  for (const [key, owner, fields, publish] of offers)
    ids[key] = (await buildListing(t, owner, 'offer', fields, { publish: publish !== false })).id;
  ids.need = (await buildListing(t, reader, 'demand', { title: 'Cần máy sấy xoài bằng bơm nhiệt' })).id;
  await t.settle();
});
afterAll(() => t.close());

describe('similar listings', () => {
  it('lists published listings of the same type about the same technology, best first, never itself or a draft', async () => {
    const res = await api().get(`/api/offers/${ids.dryer}/similar`);
    expect(res.status).toBe(200);
    const found = (res.body.data as SearchHit[]).map((h) => h.id);
    expect(found[0]).toBe(ids.dryer2);
    expect(found).not.toContain(ids.dryer);
    expect(found).not.toContain(ids.draft);
    expect(found).not.toContain(ids.need);
    expect((res.body.data as SearchHit[]).every((h) => h.type === 'offer')).toBe(true);
  });
  it('is hidden for a listing the caller may not read', async () => {
    expect((await api().get(`/api/offers/${ids.draft}/similar`)).status).toBe(404);
    expect((await api().get(`/api/offers/${ids.draft}/similar`).set(other.auth)).status).toBe(200);
    expect((await api().get('/api/offers/not-an-id/similar')).status).toBe(400);
  });
});

describe('bookmarks', () => {
  it('saves, lists newest first, is idempotent and removes', async () => {
    const save = (listingId: string, type = 'offer') =>
      api().post('/api/bookmarks').set(reader.auth).send({ listingId, type });
    expect((await save(ids.dryer)).status).toBe(201);
    expect((await save(ids.brick)).status).toBe(201);
    expect((await save(ids.dryer)).status).toBe(200);
    const list = await api().get('/api/bookmarks').set(reader.auth);
    expect((list.body.data as BookmarkDto[]).map((b) => b.listingId)).toEqual([ids.brick, ids.dryer]);
    expect(list.body.data[0].listing.title).toBe('Gạch không nung từ tro bay');
    expect((await api().delete(`/api/bookmarks/${ids.brick}`).set(reader.auth)).status).toBe(204);
    expect((await api().delete(`/api/bookmarks/${ids.brick}`).set(reader.auth)).status).toBe(404);
    const after = await api().get('/api/bookmarks').set(reader.auth);
    expect((after.body.data as BookmarkDto[]).map((b) => b.listingId)).toEqual([ids.dryer]);
  });
  it('are private to their user and never save what the user cannot read', async () => {
    expect((await api().get('/api/bookmarks').set(lab.auth)).body.data).toEqual([]);
    expect((await api().get('/api/bookmarks')).status).toBe(401);
    const draft = await api().post('/api/bookmarks').set(reader.auth).send({ listingId: ids.draft, type: 'offer' });
    expect(draft.status).toBe(404);
    const bad = await api()
      .post('/api/bookmarks')
      .set(reader.auth)
      .send({ listingId: { $ne: null }, type: 'offer' });
    expect(bad.status).toBe(400);
    const wrongType = await api().post('/api/bookmarks').set(reader.auth).send({ listingId: ids.dryer, type: 'x' });
    expect(wrongType.body.error.fields).toHaveProperty('type');
  });
  it('stop showing a listing once it is archived', async () => {
    await api().post(`/api/offers/${ids.dryer}/archive`).set(lab.auth);
    expect((await api().get('/api/bookmarks').set(reader.auth)).body.data).toEqual([]);
  });
});
