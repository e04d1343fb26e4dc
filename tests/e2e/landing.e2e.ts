/// <reference lib="dom" />
import { accessibility, e2e, newUser, settled, shot, useApp } from './harness';

/**
 * The landing page on a desktop and on a phone, against the app with its demo
 * data: the pre-rendered first view, then the app; live counters, the newest
 * offers and demands, sector chips that search.
 */
useApp();

/** The app has taken over the pre-rendered view (the header is the app's own). */
const appReady = async (page: import('playwright-core').Page) => {
  await page.locator('header.site-header .lang-switch').waitFor({ state: 'attached', timeout: 20_000 });
  await page.locator('[data-counter="offers"]').waitFor();
};

test('landing on a desktop: counters, newest offers and demands, a sector chip searches that sector', async () => {
  const { context, page } = await newUser({ width: 1280, height: 900 });
  // The server's HTML already holds the first view (what a phone on a slow network sees before the app).
  const html = await (await fetch(`${e2e.base}/`)).text();
  expect(html).toContain('data-prerendered="vi"');
  expect(html).toContain('class="live-counters"');

  await page.goto(`${e2e.base}/`);
  await appReady(page);
  const counters = page.getByRole('region', { name: 'TechBridge hôm nay' });
  const offers = Number((await counters.locator('[data-counter="offers"]').textContent())?.replace(/\D/g, ''));
  const demands = Number((await counters.locator('[data-counter="demands"]').textContent())?.replace(/\D/g, ''));
  const provinces = Number((await counters.locator('[data-counter="provinces"]').textContent())?.replace(/\D/g, ''));
  expect(offers).toBeGreaterThan(0);
  expect(demands).toBeGreaterThan(0);
  expect(provinces).toBeGreaterThan(0);
  // Both the newest offers and the newest demands.
  const newestOffers = page.locator('.newest__column').nth(0);
  const newestDemands = page.locator('.newest__column').nth(1);
  expect(await newestOffers.locator('a.listing-card__link').count()).toBeGreaterThan(0);
  expect(await newestDemands.locator('a.listing-card__link').count()).toBeGreaterThan(0);
  expect(await newestOffers.locator('a.listing-card__link').first().getAttribute('href')).toMatch(/^\/offers\//);
  expect(await newestDemands.locator('a.listing-card__link').first().getAttribute('href')).toMatch(/^\/demands\//);
  await shot(page, 'landing-01-desktop');
  await accessibility(page, 'landing (desktop)');

  // A sector with listings: its chip opens a search in that sector.
  const chip = page
    .locator('#sectors a.chip--link')
    .filter({ has: page.locator('.chip__count') })
    .first();
  const href = (await chip.getAttribute('href')) ?? '';
  const sector = new URL(href, e2e.base).searchParams.get('sector') ?? '';
  expect(sector).toMatch(/^[a-z_]+$/);
  const label = (await chip.evaluate((a) => a.firstChild?.textContent ?? '')).trim();
  await chip.click();
  await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('sector') === sector);
  const active = page.locator('.active-filters');
  await active.waitFor({ timeout: 15_000 });
  expect(await active.textContent()).toContain(label);
  await page.locator('.listing-card:not(.listing-card--skeleton)').first().waitFor({ timeout: 15_000 });
  await settled(page);
  // Every hit is in that sector.
  const tags = await page
    .locator('.listing-card')
    .evaluateAll((cards) => cards.map((c) => Array.from(c.querySelectorAll('.tag')).map((t) => t.textContent)));
  expect(tags.length).toBeGreaterThan(0);
  for (const cardTags of tags) expect(cardTags).toContain(label);
  await context.close();
});

test('landing on a phone, in English', async () => {
  const { context, page } = await newUser({ width: 375, height: 812 });
  await context.addCookies([{ name: 'tb.lang', value: 'en', url: e2e.base }]);
  await page.addInitScript(() => window.localStorage.setItem('tb.lang', 'en'));
  await page.goto(`${e2e.base}/`);
  // Pre-rendered in English already (the cookie), then the app in English.
  await appReady(page);
  await page.getByRole('region', { name: 'TechBridge today' }).waitFor();
  await page.getByRole('heading', { name: 'New technology offers' }).waitFor();
  await page.getByRole('heading', { name: 'New technology demands' }).waitFor();
  // Nothing wider than the phone's screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'landing-02-phone');
  await accessibility(page, 'landing (phone)');
  await context.close();
});

afterAll(() => {
  expect(e2e.consoleErrors).toEqual([]);
});
