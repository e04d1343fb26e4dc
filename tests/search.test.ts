import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app';
import { buildAdmin, buildListing, buildOrg, type Member } from './helpers/factories';

let t: TestApp;
let institute: Member;
let enterprise: Member;
const published: Record<string, { id: string; sectors: string[]; type: string }> = {};

const api = () => request(t.app.server);
async function search(params: Record<string, string | number>) {
  const res = await api().get('/api/search').query(params);
  expect(res.status).toBe(200);
  return res.body as {
    hits: { id: string; title: string; highlight: { title: string; summary: string } }[];
    facets: Record<string, Record<string, number>>;
    total: number;
  };
}
const ids = async (q: string, extra: Record<string, string> = {}) =>
  (await search({ q, ...extra })).hits.map((h) => h.id);

beforeAll(async () => {
  t = await startTestApp();
  institute = await buildOrg(t, {
    type: 'research_institute',
    verified: true,
    name: 'Viện Nghiên cứu Nuôi trồng Thủy sản',
  });
  enterprise = await buildOrg(t, { type: 'enterprise', verified: true });
  const fixtures: [string, 'offer' | 'demand', Member, Record<string, unknown>][] = [
    [
      'shrimp',
      'offer',
      institute,
      { title: 'Quy trình nuôi tôm thẻ chân trắng tuần hoàn', sectors: ['aquaculture'], province: 'CTO' },
    ],
    [
      'hills',
      'offer',
      institute,
      {
        title: 'Cải tạo đất đồi bạc màu trồng cây ăn quả',
        summary: 'Bộ giải pháp phân bón hữu cơ vi sinh phục hồi đất đồi thoái hóa vùng trung du.',
        sectors: ['crops'],
        keywords: ['đất dốc', 'phân hữu cơ'],
        province: 'TNG',
        trl: 6,
      },
    ],
    [
      'dryer',
      'offer',
      institute,
      {
        title: 'Máy sấy nông sản dùng năng lượng mặt trời',
        summary: 'Máy sấy hybrid tiết kiệm 40% điện năng cho cà phê, hạt điều và trái cây.',
        sectors: ['food_processing', 'energy'],
        keywords: ['máy sấy'],
        province: 'HCM',
        trl: 8,
        ip: { type: 'utility_solution', status: 'filed' },
      },
    ],
    [
      'wastewater',
      'demand',
      enterprise,
      {
        title: 'Cần hệ thống xử lý nước thải chế biến thủy sản',
        problem: 'Nhà máy chế biến cá tra cần hệ thống xử lý nước thải công suất 500 m3/ngày đạt QCVN 11.',
        sectors: ['environment'],
        keywords: ['nước thải'],
        province: 'AGG',
      },
    ],
  ];
  for (const [key, type, owner, overrides] of fixtures) {
    const listing = await buildListing(t, owner, type, overrides);
    published[key] = { id: listing.id, sectors: listing.sectors as string[], type };
  }
  // Listings that must never be found: a draft, a pending, a rejected and an archived one, all with a unique word.
  const secret = { title: 'Bí mật quytrinhanhien chưa công bố', keywords: ['quytrinhanhien'] };
  await buildListing(t, institute, 'offer', secret, { publish: false });
  const unverified = await buildOrg(t, { type: 'university' });
  const pending = await buildListing(t, unverified, 'offer', secret);
  expect(pending.status).toBe('pending_review');
  const toReject = await buildListing(t, unverified, 'demand', secret);
  const admin = await buildAdmin(t);
  await api()
    .post(`/api/admin/listings/demand/${toReject.id}/reject`)
    .set(admin.auth)
    .send({ reason: 'Trùng lặp nội dung' });
  const toArchive = await buildListing(t, institute, 'offer', secret);
  await api().post(`/api/offers/${toArchive.id}/archive`).set(institute.auth);
  await t.workers.searchSync.settled();
});
afterAll(async () => {
  await t.close();
});

describe('Vietnamese-aware search', () => {
  it('"nuoi tom" without diacritics finds "nuôi tôm" and highlights the accented words', async () => {
    const res = await search({ q: 'nuoi tom' });
    expect(res.hits.map((h) => h.id)).toContain(published.shrimp.id);
    const hit = res.hits.find((h) => h.id === published.shrimp.id)!;
    expect(hit.highlight.title).toContain('<mark>nuôi</mark> <mark>tôm</mark>');
  });

  it('"dat doi" finds "đất đồi" (đ is folded to d)', async () => {
    // Unaccented "dat" is also "đạt" (achieve) — a real ambiguity; the best match comes first.
    expect((await ids('dat doi'))[0]).toBe(published.hills.id);
    expect((await ids('Đất Đồi'))[0]).toBe(published.hills.id);
    expect(await ids('dat doi')).not.toContain(published.shrimp.id);
  });

  it('an abbreviation finds its expansion, and the other way round', async () => {
    expect(await ids('XLNT')).toContain(published.wastewater.id);
    expect(await ids('NLTT')).not.toContain(published.wastewater.id);
    expect(await ids('điện mặt trời')).toContain(published.dryer.id);
  });

  it('a legacy province name finds listings of the merged province', async () => {
    // Bình Dương merged into Thành phố Hồ Chí Minh; Bắc Kạn into Thái Nguyên (2025).
    expect(await ids('Binh Duong')).toContain(published.dryer.id);
    expect(await ids('Bắc Kạn')).toContain(published.hills.id);
    expect(await ids('', { province: 'Bình Dương' })).toEqual([published.dryer.id]);
    expect((await api().get('/api/search').query({ province: 'Hà Tây Cũ' })).status).toBe(400);
  });

  it('an English sector word finds Vietnamese listings', async () => {
    expect(await ids('aquaculture')).toContain(published.shrimp.id);
  });
});

describe('filters and facets', () => {
  it('facet counts equal the number of matching listings', async () => {
    const all = await search({ q: '' });
    expect(all.total).toBe(Object.keys(published).length);
    const expectedSectors: Record<string, number> = {};
    for (const l of Object.values(published))
      for (const s of l.sectors) expectedSectors[s] = (expectedSectors[s] ?? 0) + 1;
    expect(all.facets.sector).toEqual(expectedSectors);
    expect(all.facets.type).toEqual({ offer: 3, demand: 1 });
    for (const [sector, count] of Object.entries(all.facets.sector)) {
      const filtered = await search({ q: '', sector });
      expect(filtered.total).toBe(count);
    }
    // shrimp has TRL 7, dryer 8, hills 6.
    const offers = await search({ q: '', type: 'offer', trlMin: 7 });
    expect(offers.hits.map((h) => h.id).sort()).toEqual([published.dryer.id, published.shrimp.id].sort());
    expect(offers.facets.trl).toEqual({ '7': 1, '8': 1 });
    expect(offers.total).toBe(2);
  });

  it('rejects bad filters with a 400 naming the field', async () => {
    const res = await api().get('/api/search').query({ sector: 'astrology', trlMin: 11, sort: 'random' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['sector.0', 'sort', 'trlMin']);
  });
});

describe('what never appears', () => {
  it('drafts, pending, rejected and archived listings never appear in search', async () => {
    expect((await search({ q: 'quytrinhanhien' })).total).toBe(0);
    expect((await search({ q: 'bi mat chua cong bo' })).hits.map((h) => h.title)).not.toContain(
      expect.stringContaining('quytrinhanhien'),
    );
  });

  it('a confidential field never appears in any search hit', async () => {
    // Every published offer of the fixture carries confidential details mentioning Bacillus.
    const res = await search({ q: 'Bacillus' });
    expect(res.total).toBe(0);
    const everything = await api().get('/api/search').query({ q: '', limit: 100 });
    expect(JSON.stringify(everything.body)).not.toMatch(/Bacillus|confidential/i);
  });
});

describe('pagination', () => {
  it('returns each listing exactly once across pages', async () => {
    const owner = await buildOrg(t, { type: 'research_institute', verified: true });
    for (let i = 0; i < 13; i++) {
      await buildListing(t, owner, 'offer', { title: `Giống cây trồng phân trang số ${i}`, keywords: ['phantrang'] });
    }
    await t.workers.searchSync.settled();
    const seen: string[] = [];
    let total = 0;
    for (let page = 1; page <= 3; page++) {
      const res = await search({ q: 'phantrang', limit: 5, page });
      total = res.total;
      seen.push(...res.hits.map((h) => h.id));
    }
    expect(total).toBe(13);
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
  });
});
