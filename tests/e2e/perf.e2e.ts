/// <reference lib="dom" />
import { accessibility, e2e, newUser, settled, shot, useApp } from './harness';

/**
 * What a visitor from a shared link gets on a phone: the server's
 * pre-rendered first view (search, listing and organisation pages), the app
 * taking over without a change of heading, and none of the code a visitor
 * does not need (zod, the owner's and moderator's parts of a listing page).
 */
useApp();

const phone = { width: 375, height: 812 };

/** The scripts a page loaded, by file name. */
function scriptsOf(page: import('playwright-core').Page): string[] {
  const names: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') names.push(new URL(r.url()).pathname.split('/').pop() ?? '');
  });
  return names;
}

async function firstHit(query: string): Promise<{ id: string; type: string; organization: { id: string } }> {
  const res = await fetch(`${e2e.base}/api/search?${query}&limit=1`);
  const body = (await res.json()) as { hits: { id: string; type: string; organization: { id: string } }[] };
  expect(body.hits.length).toBe(1);
  return body.hits[0];
}

test('a listing page for a visitor: pre-rendered, then the app, without zod or owner-only code', async () => {
  const hit = await firstHit('type=offer&sort=newest');
  const { context, page } = await newUser(phone);
  const scripts = scriptsOf(page);
  await page.goto(`${e2e.base}/offers/${hit.id}`);
  // The server's view first (before any script has run).
  const title = await page.locator('#root[data-prerendered] h1').textContent();
  expect(title?.trim().length).toBeGreaterThan(0);
  await settled(page);
  await page.getByRole('heading', { level: 1, name: title?.trim() }).waitFor();
  await page.getByRole('complementary').first().waitFor();
  await shot(page, 'perf-01-listing-phone');
  await accessibility(page, 'listing (visitor, phone)');
  expect(scripts.some((s) => s.startsWith('ListingDetailPage-'))).toBe(true);
  expect(
    scripts.filter((s) => /^(zod|OwnerActions|ModerationActions|ListingMatches|IntroductionDialog)-/.test(s)),
  ).toEqual([]);
  await context.close();
});

test('a search page: pre-rendered results with a working form, then the app with the same query', async () => {
  const { context, page } = await newUser(phone);
  const scripts = scriptsOf(page);
  await page.goto(`${e2e.base}/search?q=${encodeURIComponent('nông nghiệp')}`);
  const prerendered = page.locator('#root[data-prerendered]');
  await prerendered.getByRole('heading', { level: 1, name: 'Tìm kiếm công nghệ' }).waitFor();
  expect(await prerendered.getByRole('searchbox').inputValue()).toBe('nông nghiệp');
  expect(await prerendered.locator('.hit-list li').count()).toBeGreaterThan(0);
  await settled(page);
  expect(await page.getByRole('searchbox').inputValue()).toBe('nông nghiệp');
  await page.locator('.hit-list li').first().waitFor();
  await accessibility(page, 'search (phone)');
  expect(scripts.filter((s) => s.startsWith('zod-'))).toEqual([]);

  // Without scripts, the pre-rendered form still searches.
  const browser = context.browser();
  if (!browser) throw new Error('no browser');
  const noJs = await browser.newContext({ viewport: phone, javaScriptEnabled: false, locale: 'vi-VN' });
  const bare = await noJs.newPage();
  await bare.goto(`${e2e.base}/search`);
  await bare.getByRole('searchbox').fill('nuôi tôm');
  await bare.getByRole('button', { name: 'Tìm' }).click();
  await bare.waitForURL(/\/search\?q=nu%C3%B4i\+t%C3%B4m/);
  expect(await bare.locator('#root[data-prerendered] .hit-list li').count()).toBeGreaterThan(0);
  await noJs.close();
  await context.close();
});

test('an organisation page is pre-rendered (profile, live listings, Open Graph) in Vietnamese and English', async () => {
  const hit = await firstHit('type=offer&sort=newest');
  const orgPath = `/organizations/${hit.organization.id}`;
  const html = await (await fetch(`${e2e.base}${orgPath}`)).text();
  expect(html).toContain('<div id="root" data-prerendered="vi">');
  expect(html).toMatch(/<meta property="og:title" content="[^"]+ · TechBridge" \/>/);
  expect(html).toContain(`href="/offers/${hit.id}"`);
  const en = await (await fetch(`${e2e.base}${orgPath}?lang=en`)).text();
  expect(en).toContain('<div id="root" data-prerendered="en">');
  expect(en).toContain('Published listings');

  const { context, page } = await newUser(phone);
  await page.goto(`${e2e.base}${orgPath}`);
  const name = (await page.locator('#root[data-prerendered] h1').textContent())?.trim() ?? '';
  expect(name.length).toBeGreaterThan(0);
  await settled(page);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.locator('.hit-list li').first().waitFor({ timeout: 15_000 });
  await shot(page, 'perf-02-organization-phone');
  await accessibility(page, 'organization (phone)');
  await context.close();
  expect(e2e.consoleErrors).toEqual([]);
});
