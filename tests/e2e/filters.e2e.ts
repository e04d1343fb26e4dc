import type { Page } from 'playwright-core';
import { accessibility, e2e, newUser, shot, useApp } from './harness';

/**
 * Issue 18: on a phone the search filters open as a modal sheet. Focus moves
 * into it, stays in it while it is open, and goes back to the "Bộ lọc" button
 * when Escape or "Xem N kết quả" closes it.
 */
useApp();

/** What has focus: the id of the element, or its role and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? '',
      inSheet: !!el?.closest('#search-filters'),
      isToggle: !!el?.matches('[aria-controls="search-filters"]'),
      text: (el?.textContent ?? '').trim().slice(0, 40),
    };
  });

describe('search filters sheet on a phone: focus (issue 18)', () => {
  it('takes focus, keeps it while open, and gives it back to its button on Escape and on "Xem N kết quả"', async () => {
    const { context, page } = await newUser({ width: 375, height: 812 });
    try {
      await page.goto(`${e2e.base}/search`);
      await page.locator('.listing-card').first().waitFor();
      const toggle = page.getByRole('button', { name: /^Bộ lọc/ });
      await toggle.click();
      const sheet = page.getByRole('dialog', { name: 'Bộ lọc' });
      await sheet.waitFor();
      expect(await sheet.getAttribute('aria-modal')).toBe('true');
      await page.waitForFunction(() => document.activeElement?.id === 'search-filters-title');
      expect(await focused(page)).toMatchObject({ id: 'search-filters-title', inSheet: true });
      await shot(page, 'filters-01-phone-sheet-open');
      await accessibility(page, 'search filters sheet (phone)');

      // Tab through every control and past the end: focus never leaves the sheet, and it comes round again.
      const seen = new Set<string>();
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        expect(now.inSheet).toBe(true);
        seen.add(`${now.id}|${now.text}`);
      }
      expect([...seen].some((s) => /Xem \d+ kết quả/.test(s))).toBe(true);
      // Shift+Tab from the heading goes to the last control, "Xem N kết quả".
      await page.locator('#search-filters-title').focus();
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).text).toMatch(/^Xem \d+ kết quả$/);

      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'detached' });
      expect(await page.locator('#search-filters').isVisible()).toBe(false);
      expect(await focused(page)).toMatchObject({ isToggle: true, inSheet: false });

      // Opened from the keyboard, closed with "Xem N kết quả": focus is back on the button.
      await page.keyboard.press('Enter');
      await sheet.waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'search-filters-title');
      await page.getByRole('button', { name: /^Xem \d+ kết quả$/ }).click();
      await sheet.waitFor({ state: 'detached' });
      expect(await focused(page)).toMatchObject({ isToggle: true, inSheet: false });
      await shot(page, 'filters-02-phone-closed');
    } finally {
      await context.close();
    }
  });
});
