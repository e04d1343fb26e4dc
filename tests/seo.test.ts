import type { LandingDto } from '@techbridge/shared';
import request from 'supertest';
import { forgetLandingSummary } from '../server/src/modules/landing/summary';
import { forgetSitemap } from '../server/src/modules/seo/sitemap';
import { startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildOrg, type Member } from './helpers/factories';

/**
 * What a search engine and a shared link see (robots.txt, the sitemap, a
 * page's head and pre-rendered first view) and the landing page's live
 * figures, against the real database and Meilisearch.
 */
let t: TestApp;
let lab: Member;
let newcomer: Member;
const ids: Record<string, string> = {};
const api = () => request(t.app.server);
const SECRET = 'Bacillus subtilis 10^9';

beforeAll(async () => {
  t = await startTestApp();
  lab = await buildOrg(t, { type: 'research_institute', verified: true });
  // An unverified organisation's listings wait for moderation.
  newcomer = await buildOrg(t, { type: 'enterprise', verified: false });
  ids.offer = (
    await buildListing(t, lab, 'offer', {
      title: 'Máy sấy xoài bằng bơm nhiệt <b>mới</b>',
      sectors: ['food_processing'],
    })
  ).id;
  ids.demand = (await buildListing(t, lab, 'demand', { title: 'Cần dây chuyền sấy chè', province: 'TNG' })).id;
  ids.draft = (await buildListing(t, lab, 'offer', { title: 'Bản nháp bí mật về sấy lạnh' }, { publish: false })).id;
  const pending = await buildListing(t, newcomer, 'offer', { title: 'Tin chờ duyệt về cảm biến độ ẩm' });
  expect(pending.status).toBe('pending_review');
  ids.pending = pending.id;
  await t.settle();
  await t.workers.landing.refresh();
  forgetLandingSummary(t.ctx);
  forgetSitemap(t.ctx);
});
afterAll(() => t.close());

const metaContent = (html: string, attr: string, key: string) =>
  new RegExp(`<meta ${attr}="${key.replace(':', '\\:')}" content="([^"]*)"`).exec(html)?.[1];

describe('robots.txt and the sitemap', () => {
  it('robots.txt is plain text naming the sitemap, not the app', async () => {
    const res = await api().get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^User-agent: \*/m);
    expect(res.text).toMatch(/^Disallow: \/api\//m);
    expect(res.text).toContain(`Sitemap: ${t.ctx.config.publicUrl}/sitemap.xml`);
    expect(res.text).not.toContain('<html');
  });

  it('the sitemap lists published listings and their organisations, never a draft or a pending listing', async () => {
    const res = await api().get('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const origin = t.ctx.config.publicUrl;
    expect(res.text).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(res.text).toContain(`<loc>${origin}/offers/${ids.offer}</loc>`);
    expect(res.text).toContain(`<loc>${origin}/demands/${ids.demand}</loc>`);
    expect(res.text).toContain(`<loc>${origin}/organizations/${lab.organization.id}</loc>`);
    expect(res.text).not.toContain(ids.draft);
    expect(res.text).not.toContain(ids.pending);
    expect(res.text).not.toContain(newcomer.organization.id);
  });
});

describe('a published listing’s page', () => {
  it('has its title, description, canonical, Open Graph and Twitter tags, and its pre-rendered content', async () => {
    const res = await api().get(`/offers/${ids.offer}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.text;
    const origin = t.ctx.config.publicUrl;
    // The title is escaped, never markup.
    expect(html).toContain('<title>Máy sấy xoài bằng bơm nhiệt &lt;b&gt;mới&lt;/b&gt; · TechBridge</title>');
    expect(metaContent(html, 'property', 'og:title')).toBe(
      'Máy sấy xoài bằng bơm nhiệt &lt;b&gt;mới&lt;/b&gt; · TechBridge',
    );
    expect(metaContent(html, 'name', 'description')).toMatch(/^Công nghệ nuôi tôm tuần hoàn/);
    expect(metaContent(html, 'property', 'og:description')).toMatch(/^Công nghệ nuôi tôm tuần hoàn/);
    expect(metaContent(html, 'property', 'og:url')).toBe(`${origin}/offers/${ids.offer}`);
    expect(metaContent(html, 'property', 'og:type')).toBe('article');
    expect(metaContent(html, 'property', 'og:image')).toBe(`${origin}/og-image.png`);
    expect(metaContent(html, 'name', 'twitter:card')).toBe('summary_large_image');
    expect(html).toContain(`<link rel="canonical" href="${origin}/offers/${ids.offer}" />`);
    // One title and one description: the template's own are replaced.
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
    // The first view: the listing's title and summary inside the app's root.
    const root = /<div id="root" data-prerendered="vi">([\s\S]*?)<\/div>\s*(<script|<\/body>)/.exec(html)?.[1] ?? '';
    expect(root).toContain('<h1 class="page-title" lang="vi">Máy sấy xoài bằng bơm nhiệt &lt;b&gt;mới&lt;/b&gt;</h1>');
    expect(root).toContain('Công nghệ nuôi tôm tuần hoàn nước (RAS)');
    expect(root).toContain(`href="/organizations/${lab.organization.id}"`);
    // Public fields only: the confidential details, the description and the price stay out.
    expect(html).not.toContain(SECRET);
    expect(html).not.toContain('Mô tả chi tiết quy trình');
    expect(html).not.toContain('500000000');
  });

  it('is in English when asked (?lang= or the app’s tb.lang cookie)', async () => {
    const res = await api().get(`/demands/${ids.demand}`).set('Cookie', 'tb.lang=en');
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('<div id="root" data-prerendered="en">');
    expect(res.text).toContain('Cần dây chuyền sấy chè');
    expect(metaContent(res.text, 'property', 'og:locale')).toBe('en_US');
  });
});

describe('a listing that is not published', () => {
  it.each([
    ['a draft', 'draft', 'Bản nháp bí mật'],
    ['a listing awaiting moderation', 'pending', 'Tin chờ duyệt'],
  ])('%s: the generic page, nothing of the listing in tags or content', async (_name, key, title) => {
    const res = await api().get(`/offers/${ids[key]}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root"></div>');
    expect(res.text).not.toContain('data-prerendered');
    expect(res.text).not.toContain(title);
    expect(res.text).not.toContain(SECRET);
    expect(res.text).toContain('<title>TechBridge · Cầu nối công nghệ</title>');
    expect(metaContent(res.text, 'name', 'robots')).toBe('noindex');
    expect(metaContent(res.text, 'property', 'og:type')).toBe('website');
  });

  it('an unknown or malformed id is the generic page too', async () => {
    for (const path of ['/offers/64b000000000000000000000', '/demands/not-an-id', `/demands/${ids.offer}`]) {
      const res = await api().get(path);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('data-prerendered');
      expect(res.text).not.toContain('Máy sấy xoài');
    }
  });
});

describe('an organisation’s page', () => {
  it('is pre-rendered with its profile, sectors and live listings, Open Graph tags, and no contact details', async () => {
    await t.models.Organization.updateOne(
      { _id: lab.organization.id },
      {
        $set: {
          description: 'Viện nghiên cứu <công nghệ> sau thu hoạch',
          sectors: ['food_processing'],
          contact: { name: 'Nguyễn Văn A', email: 'lienhe@vien.example', phone: '0901234567' },
        },
      },
    );
    const res = await api().get(`/organizations/${lab.organization.id}`);
    expect(res.status).toBe(200);
    const html = res.text;
    const origin = t.ctx.config.publicUrl;
    expect(html).toContain(`<title>${lab.organization.name} · TechBridge</title>`);
    expect(metaContent(html, 'property', 'og:title')).toBe(`${lab.organization.name} · TechBridge`);
    expect(metaContent(html, 'name', 'description')).toBe('Viện nghiên cứu &lt;công nghệ&gt; sau thu hoạch');
    expect(metaContent(html, 'property', 'og:url')).toBe(`${origin}/organizations/${lab.organization.id}`);
    expect(html).toContain(`<link rel="canonical" href="${origin}/organizations/${lab.organization.id}" />`);
    const root = /<div id="root" data-prerendered="vi">([\s\S]*?)<\/div>\s*(<script|<\/body>)/.exec(html)?.[1] ?? '';
    expect(root).toContain(`<h1 class="page-header__title org-hero__name">${lab.organization.name}</h1>`);
    expect(root).toContain('Viện nghiên cứu &lt;công nghệ&gt; sau thu hoạch');
    expect(root).toContain('href="/search?sector=food_processing"');
    // Its live listings, published only.
    expect(root).toContain(`href="/offers/${ids.offer}"`);
    expect(root).toContain(`href="/demands/${ids.demand}"`);
    expect(html).not.toContain(ids.draft);
    // Contact details are for signed-in visitors.
    expect(html).not.toContain('lienhe@vien.example');
    expect(html).not.toContain('0901234567');
  });

  it('is in English when asked', async () => {
    const res = await api().get(`/organizations/${lab.organization.id}?lang=en`);
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('Food processing');
  });

  it('an unknown organisation or a malformed id is the generic page, not for search engines', async () => {
    for (const path of ['/organizations/64b000000000000000000000', '/organizations/not-an-id']) {
      const res = await api().get(path);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('data-prerendered');
      expect(metaContent(res.text, 'name', 'robots')).toBe('noindex');
    }
  });
});

describe('the landing and search pages', () => {
  it('GET /api/landing counts from the index and lists the newest offers and demands', async () => {
    const res = await api().get('/api/landing');
    expect(res.status).toBe(200);
    const data = res.body.data as LandingDto;
    expect(data.counters).toEqual({ offers: 1, demands: 1, dealsUnderWay: 0, provinces: 2 });
    expect(data.sectors.food_processing).toBe(1);
    expect(data.newest.offers.map((h) => h.id)).toEqual([ids.offer]);
    expect(data.newest.demands.map((h) => h.id)).toEqual([ids.demand]);
  });

  it('the landing page is pre-rendered with its counters, newest listings and sector links, and its data', async () => {
    const res = await api().get('/');
    const root = /<div id="root" data-prerendered="vi">([\s\S]*?)<\/div>\s*<script type="application\/json"/.exec(
      res.text,
    )?.[1];
    expect(root).toBeDefined();
    expect(root).toContain('class="hero__title"');
    expect(root).toContain('giao dịch đang triển khai');
    expect(root).toContain(`href="/offers/${ids.offer}"`);
    expect(root).toContain(`href="/demands/${ids.demand}"`);
    expect(root).toContain('href="/search?sector=food_processing"');
    expect(root).not.toContain('Tin chờ duyệt');
    const data = JSON.parse(
      /<script type="application\/json" id="tb-prerendered">(.*?)<\/script>/.exec(res.text)?.[1] ?? '',
    );
    expect(data.landing.counters.offers).toBe(1);
    expect(metaContent(res.text, 'property', 'og:url')).toBe(`${t.ctx.config.publicUrl}/`);
  });

  it('a search page is pre-rendered with its results (published only)', async () => {
    const res = await api().get(`/search?q=${encodeURIComponent('máy sấy')}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>Kết quả cho “máy sấy” · TechBridge</title>');
    expect(res.text).toContain(`href="/offers/${ids.offer}"`);
    expect(res.text).not.toContain(ids.draft);
    // Bad parameters: still the app, without pre-rendered results.
    const bad = await api().get('/search?trlMin=42');
    expect(bad.status).toBe(200);
    expect(bad.text).not.toContain('data-prerendered');
  });

  it('API paths are not pages', async () => {
    expect((await api().get('/api/nope')).status).toBe(404);
  });
});
