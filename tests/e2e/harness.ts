/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { Mailbox } from '../helpers/mailbox';
import { repoRoot } from '../helpers/processes';

/**
 * The harness of the end-to-end tests: the app the global setup started (as
 * `npm start` starts it, see globalSetup.ts), Debian's Chromium (headless),
 * screenshots to test-artifacts/e2e/, an axe-core check. Each *.e2e.ts file
 * calls `useApp()` once at its top and reads `e2e.base`, `e2e.mailbox`.
 */
export const artifacts = path.join(repoRoot, 'test-artifacts/e2e');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PASSWORD = 'TechBridge@2026';
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
/** The running app's address, its mail catcher (as its start banner names it), and the pages' console errors. */
export const e2e = { base: '', mailbox: undefined as unknown as Mailbox, consoleErrors: [] as string[] };
const consoleErrors = e2e.consoleErrors;

export async function newUser(
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP only so that axe-core can be injected; the app's own CSP stays on in production.
  const context = await browser.newContext({ viewport, locale: 'vi-VN', bypassCSP: true });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  return { context, page };
}
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: false });

export async function login(page: Page, email: string, password = PASSWORD) {
  await page.goto(`${e2e.base}/login`);
  await page.fill('#field-email', email);
  await page.fill('#field-password', password);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
}

/** Chooses a province in the province picker (a combobox: typed, then picked from its list). */
export async function chooseProvince(page: Page, name: string, label = 'Tỉnh/thành phố') {
  const box = page.getByRole('combobox', { name: label });
  await box.waitFor();
  // Already chosen (a form prefilled with the organisation's province).
  if ((await box.inputValue()).includes(name)) return;
  await box.fill(name);
  await page
    .getByRole('option', { name: new RegExp(name) })
    .first()
    .click();
}

/** Switches the page's language, through the header's menu when the header is collapsed (phone, ≤ 90rem). */
export async function switchLanguage(page: Page, lang: 'vi' | 'en') {
  const option = page.locator(`.lang-switch__option[lang=${lang}]`).first();
  if (!(await option.isVisible())) await page.locator('.site-header__toggle').click();
  await option.click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/**
 * Waits until the page has settled: the app has taken over a pre-rendered page, nothing is marked busy
 * (loading or stale results) and no finite animation or transition is running, and all of that has held
 * for longer than the design's transitions last (160 ms). A single quiet frame is not enough: a class
 * React removes in one frame starts its transition (stale results fading back in) only at the next
 * style recalculation, and a check made in between would pass while the page still dims.
 */
export async function settled(page: Page, quietMs = 300) {
  await page.evaluate(() => {
    (window as unknown as { __tbQuietSince?: number }).__tbQuietSince = undefined;
  });
  await page.waitForFunction(
    (ms) => {
      const w = window as unknown as { __tbQuietSince?: number };
      const quiet =
        !document.getElementById('root')?.hasAttribute('data-prerendered') &&
        !document.querySelector('[aria-busy="true"]') &&
        document.getAnimations().every((a) => a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY);
      if (!quiet) {
        w.__tbQuietSince = undefined;
        return false;
      }
      w.__tbQuietSince ??= performance.now();
      return performance.now() - w.__tbQuietSince >= ms;
    },
    quietMs,
    { timeout: 15_000 },
  );
}

/** axe-core in the page, once it has settled: no serious or critical violation. */
export async function accessibility(page: Page, name: string) {
  await settled(page);
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global.
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string; nodes: { html: string }[] }) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.html.slice(0, 160)),
    }));
  })) as { id: string; impact: string; nodes: string[] }[];
  const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ page: name, serious }).toEqual({ page: name, serious: [] });
}

/** Connects the file's tests to the app the global setup started, in a browser of their own. */
export function useApp(): void {
  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    e2e.base = process.env.TB_E2E_BASE ?? '';
    if (!e2e.base) throw new Error('No app: tests/e2e/globalSetup.ts starts it (TB_E2E_BASE)');
    e2e.mailbox = new Mailbox(process.env.TB_E2E_MAIL_URL);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  // Each test answers for the console errors of its own pages.
  beforeEach(() => {
    consoleErrors.length = 0;
  });

  afterAll(async () => {
    await browser?.close();
  });
}
