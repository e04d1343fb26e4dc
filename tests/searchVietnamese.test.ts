import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildOrg, type Member } from './helpers/factories';

/**
 * Search as Vietnamese people type, against the real Meilisearch: words that
 * differ only by their marks stay apart when typed with marks, everything is
 * found when typed without; compounds are concepts; English finds Vietnamese.
 */
let t: TestApp;
let institute: Member;
const ids: Record<string, string> = {};
const api = () => request(t.app.server);

async function search(q: string, extra: Record<string, string> = {}): Promise<string[]> {
  const res = await api()
    .get('/api/search')
    .query({ q, limit: 20, ...extra });
  expect(res.status).toBe(200);
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return res.body.hits.map((h: { id: string }) => byId.get(h.id) ?? h.id);
}

const listings: [string, 'offer' | 'demand', Record<string, unknown>][] = [
  [
    'tea',
    'offer',
    {
      title: 'Dây chuyền chế biến chè xanh quy mô hợp tác xã',
      summary: 'Máy vò, máy sao và máy sấy chè búp cho vùng chè Thái Nguyên.',
      keywords: ['chè xanh', 'sao chè'],
      sectors: ['food_processing'],
      province: 'TNG',
    },
  ],
  [
    'seafood',
    'offer',
    {
      title: 'Xử lý nước thải chế biến thủy sản bằng bùn hạt hiếu khí',
      summary: 'Công nghệ cho nhà máy chế biến cá tra ở Thái Nguyên và Cần Thơ, đạt QCVN.',
      keywords: ['nước thải', 'chế biến thủy sản'],
      sectors: ['environment', 'aquaculture'],
      province: 'CTO',
    },
  ],
  [
    'brick',
    'offer',
    {
      title: 'Gạch không nung từ tro bay nhiệt điện',
      summary: 'Sản xuất gạch không nung tận dụng tro bay và xỉ than.',
      keywords: ['tro bay', 'gạch không nung'],
      sectors: ['materials'],
    },
  ],
  [
    'uav',
    'offer',
    {
      title: 'Thiết bị UAV phun thuốc bảo vệ thực vật',
      summary: 'Drone phun thuốc cho lúa, bay tự động theo bản đồ ruộng.',
      keywords: ['UAV', 'phun thuốc'],
      sectors: ['automation', 'crops'],
    },
  ],
  [
    'cassava',
    'offer',
    {
      title: 'Quy trình sản xuất tinh bột sắn biến tính',
      summary: 'Tinh bột sắn biến tính cho ngành giấy và dệt.',
      keywords: ['tinh bột sắn'],
      sectors: ['food_processing'],
    },
  ],
  [
    'compost',
    'offer',
    {
      title: 'Chế phẩm ủ phân chuồng nhanh',
      summary: 'Ủ phân chuồng hoai mục trong 20 ngày.',
      keywords: ['ủ', 'phân chuồng'],
      sectors: ['crops', 'environment'],
    },
  ],
  [
    'english',
    'offer',
    {
      lang: 'en',
      title: 'Heat-pump dryer for tea leaves',
      summary: 'Low-temperature drying keeps the colour of green tea.',
      keywords: ['tea drying', 'heat pump'],
      sectors: ['food_processing'],
      translation: { title: 'Máy sấy chè bằng bơm nhiệt' },
    },
  ],
  [
    'shrimp',
    'demand',
    {
      title: 'Cần hệ thống nuôi thủy sản tuần hoàn',
      problem: 'Trại nuôi thuỷ sản cần hệ thống tuần hoàn nước tiết kiệm.',
      keywords: ['thuỷ sản'],
      sectors: ['aquaculture'],
    },
  ],
];

beforeAll(async () => {
  t = await startTestApp();
  institute = await buildOrg(t, { type: 'research_institute', verified: true });
  for (const [name, type, fields] of listings) ids[name] = (await buildListing(t, institute, type, fields)).id;
  await t.settle();
});
afterAll(() => t.close());

describe('Vietnamese search', () => {
  it('"chè Thái Nguyên" ranks the tea listing first, above "chế biến" in Thái Nguyên', async () => {
    const hits = await search('chè Thái Nguyên');
    expect(hits[0]).toBe('tea');
    expect(hits.indexOf('seafood') === -1 || hits.indexOf('seafood') > hits.indexOf('tea')).toBe(true);
  });

  it('typed without marks, finds every listing that folds the same', async () => {
    const hits = await search('che bien');
    expect(hits).toEqual(expect.arrayContaining(['tea', 'seafood']));
  });

  it('a bare last word with marks is found at once (no trailing space needed)', async () => {
    expect((await search('chè'))[0]).toBe('tea');
    expect((await search('sắn'))[0]).toBe('cassava');
  });

  it('"máy bay không người lái" finds the UAV first and not the fly-ash brick before it', async () => {
    const hits = await search('máy bay không người lái');
    expect(hits[0]).toBe('uav');
    expect((await search('drone'))[0]).toBe('uav');
    expect((await search('tro bay'))[0]).toBe('brick');
  });

  it('old and new tone placement search alike (thuỷ / thủy)', async () => {
    const [a, b] = [await search('thuỷ sản'), await search('thủy sản')];
    expect(a).toEqual(b);
    expect(a).toContain('shrimp');
  });

  it('English finds Vietnamese listings and Vietnamese finds English ones', async () => {
    expect(await search('tea processing')).toContain('tea');
    expect(await search('máy sấy chè')).toContain('english');
    expect(await search('bơm nhiệt')).toContain('english');
  });

  it('a one-syllable keyword ("ủ") is a word', async () => {
    expect((await search('ủ phân'))[0]).toBe('compost');
  });

  it('filters by the listing language', async () => {
    expect(await search('', { lang: 'en' })).toEqual(['english']);
    expect(await search('chè', { lang: 'vi' })).not.toContain('english');
    const bad = await api().get('/api/search').query({ lang: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('lang');
  });
});
