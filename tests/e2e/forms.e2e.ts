import { accessibility, e2e, login, newUser, shot, useApp } from './harness';

/**
 * Issue 18, the rough edges of forms and layout: Enter in a list field adds a
 * row and never sends the form, a failed save keeps what was typed (the
 * confidential details too), the filters on a phone are a sheet with
 * "Xem N kết quả", and the signed-in header fits 1366 px.
 */
useApp();

const CONFIDENTIAL = 'Chủng vi sinh B. subtilis TB-07, ủ 37 °C trong 18 giờ, tỉ lệ phối trộn 3:1';

describe('forms and layout (issue 18)', () => {
  it('Enter in "Lĩnh vực ứng dụng" adds a row and does not submit; a failed save keeps everything typed', async () => {
    const { context, page } = await newUser({ width: 1366, height: 900 });
    try {
      await login(page, 'vien@demo.vn');
      await page.goto(`${e2e.base}/offers/new`);
      await page.fill('#field-title', 'Chế phẩm vi sinh xử lý nước ao nuôi tôm');
      await page.fill('#field-confidential-details', CONFIDENTIAL);
      await page.fill('#field-applications', 'Ao nuôi tôm thẻ chân trắng');
      await page.press('#field-applications', 'Enter');
      await page.getByLabel('Ứng dụng 2', { exact: true }).waitFor();
      await page.keyboard.type('Xử lý nước thải chế biến thủy sản');
      await page.keyboard.press('Enter');
      await page.getByLabel('Ứng dụng 3', { exact: true }).waitFor();
      // Still the new-offer form, nothing sent, nothing reset.
      expect(new URL(page.url()).pathname).toBe('/offers/new');
      expect(await page.inputValue('#field-confidential-details')).toBe(CONFIDENTIAL);
      expect(await page.inputValue('#field-title')).toBe('Chế phẩm vi sinh xử lý nước ao nuôi tôm');
      await shot(page, 'forms-01-enter-adds-row');

      // Fill what the client checks, then lose the network when saving.
      await page.fill(
        '#field-summary',
        'Chế phẩm vi sinh giúp giảm khí độc NH3 và H2S trong ao nuôi tôm, ổn định chất lượng nước suốt vụ nuôi.',
      );
      await page
        .getByRole('checkbox', { name: /Thủy sản/ })
        .first()
        .check();
      await page
        .getByRole('checkbox', { name: /Chuyển nhượng/ })
        .first()
        .check();
      await page.selectOption('#field-trl', '6');
      await page.selectOption('#field-ip-type', { index: 1 });
      await page.selectOption('#field-ip-status', { index: 1 });
      await page.route('**/api/offers', (route) =>
        route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
      );
      await page.getByRole('button', { name: 'Lưu nháp' }).click();
      await page.getByRole('alert').first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/offers/new');
      expect(await page.inputValue('#field-confidential-details')).toBe(CONFIDENTIAL);
      expect(await page.inputValue('#field-summary')).toContain('NH3 và H2S');
      await shot(page, 'forms-02-failed-save-keeps-input');

      // Even a reload brings it all back from this browser, with a way to discard it.
      await page.unroute('**/api/offers');
      await page.reload();
      await page.getByText('Đã khôi phục nội dung chưa lưu').waitFor();
      expect(await page.inputValue('#field-confidential-details')).toBe(CONFIDENTIAL);
      expect(await page.getByLabel('Ứng dụng 2', { exact: true }).inputValue()).toBe(
        'Xử lý nước thải chế biến thủy sản',
      );
      await accessibility(page, 'offer form with a restored draft');
      await shot(page, 'forms-03-draft-restored');
      await page.getByRole('button', { name: 'Bỏ bản nháp này' }).click();
      expect(await page.inputValue('#field-confidential-details')).toBe('');
    } finally {
      await context.close();
    }
  });

  it('the province picker takes a pre-2025 name and says where it belongs now', async () => {
    const { context, page } = await newUser({ width: 1366, height: 900 });
    try {
      await login(page, 'vien@demo.vn');
      await page.goto(`${e2e.base}/offers/new`);
      await page.fill('#field-province', 'Bắc Giang');
      await page.getByRole('option', { name: /Bắc Ninh/ }).click();
      await page.getByText('Bắc Giang nay thuộc tỉnh Bắc Ninh.').waitFor();
      expect(await page.inputValue('#field-province')).toBe('Bắc Ninh');
      await shot(page, 'forms-04-province-legacy');
    } finally {
      await context.close();
    }
  });

  it('on a phone, the filters open as a sheet; "Xem N kết quả" closes it onto the results', async () => {
    const { context, page } = await newUser({ width: 375, height: 800 });
    try {
      await page.goto(`${e2e.base}/search`);
      await page.locator('.listing-card').first().waitFor();
      await page.getByRole('button', { name: /^Bộ lọc/ }).click();
      const sheet = page.locator('#search-filters');
      await sheet.waitFor();
      const box = await sheet.boundingBox();
      expect(box).toMatchObject({ x: 0, y: 0, width: 375 });
      // The filter lives in the address: the box is ticked once the page has read it back.
      const sector = page.getByRole('checkbox', { name: /Thủy sản/ }).first();
      await sector.click();
      await page.waitForURL(/sector=aquaculture/);
      await page
        .getByRole('checkbox', { name: /Thủy sản/, checked: true })
        .first()
        .waitFor();
      const done = page.getByRole('button', { name: /^Xem \d+ kết quả$/ });
      await page.waitForFunction(() => !document.querySelector('.hit-list.is-stale'));
      const doneBox = await done.boundingBox();
      // Sticky at the bottom of the screen, whatever the facets' length.
      expect((doneBox?.y ?? 0) + (doneBox?.height ?? 0)).toBeGreaterThan(760);
      expect((doneBox?.y ?? 0) + (doneBox?.height ?? 0)).toBeLessThanOrEqual(801);
      await shot(page, 'forms-05-phone-filter-sheet');
      const label = (await done.textContent()) ?? '';
      await done.click();
      expect(await sheet.isVisible()).toBe(false);
      const first = page.locator('.listing-card').first();
      await first.waitFor();
      const firstBox = await first.boundingBox();
      expect(firstBox?.y ?? 9999).toBeLessThan(800);
      expect(label).toMatch(/Xem \d+ kết quả/);
      await shot(page, 'forms-06-phone-results');
    } finally {
      await context.close();
    }
  });

  it('the signed-in header fits the content at 1366 px', async () => {
    const { context, page } = await newUser({ width: 1366, height: 900 });
    try {
      await login(page, 'admin@demo.vn');
      await page.goto(`${e2e.base}/app`);
      await page.locator('.site-header__bar').waitFor();
      const fits = await page.evaluate(() => {
        const bar = document.querySelector('.site-header__bar') as HTMLElement;
        const main = document.querySelector('main .container, main') as HTMLElement;
        const barBox = bar.getBoundingClientRect();
        const inside = Array.from(bar.querySelectorAll<HTMLElement>('a, button')).every((el) => {
          const r = el.getBoundingClientRect();
          return r.width === 0 || (r.left >= barBox.left - 1 && r.right <= barBox.right + 1);
        });
        return {
          overflow: bar.scrollWidth - bar.clientWidth,
          inside,
          barRight: Math.round(barBox.right),
          mainRight: Math.round((main.querySelector('.container') ?? main).getBoundingClientRect().right),
        };
      });
      expect(fits.overflow).toBeLessThanOrEqual(0);
      expect(fits.inside).toBe(true);
      expect(fits.barRight).toBeLessThanOrEqual(fits.mainRight + 1);
      await shot(page, 'forms-07-header-1366');
    } finally {
      await context.close();
    }
  });
});
