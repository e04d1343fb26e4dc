/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { linkIn } from '../helpers/mailbox';
import {
  accessibility,
  artifacts,
  chooseProvince,
  e2e,
  login,
  newUser,
  PASSWORD,
  shot,
  switchLanguage,
  useApp,
} from './harness';

/**
 * The main flows in a real browser (Debian's Chromium, headless) against the
 * app started as `npm start` starts it. Screenshots of each step go to
 * test-artifacts/e2e/.
 */
useApp();
const { consoleErrors } = e2e;
let base = '';
let mailbox = e2e.mailbox;
beforeAll(() => {
  base = e2e.base;
  mailbox = e2e.mailbox;
});

test('institute registers and publishes; enterprise finds it without diacritics, posts a demand, the match arrives live; deal, chat, NDA; languages', async () => {
  const tag = `${Date.now()}`.slice(-6);
  // 1. A new research institute registers.
  const inst = await newUser();
  await inst.page.goto(`${base}/register`);
  await inst.page.getByLabel('Họ và tên').fill('TS. Đỗ Minh Tâm');
  await inst.page.getByLabel('Email').fill(`vien${tag}@example.vn`);
  await inst.page.getByLabel('Mật khẩu', { exact: true }).fill('MatKhau2026');
  await inst.page.getByLabel('Tên tổ chức').fill(`Viện Thủy sản Miền Tây ${tag}`);
  await inst.page.getByLabel('Loại tổ chức').selectOption('research_institute');
  await chooseProvince(inst.page, 'Cần Thơ');
  await shot(inst.page, '01-register');
  await inst.page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await inst.page.waitForURL(/\/app$/, { timeout: 15_000 });
  // Unverified: the banner asks for the address to be confirmed before publishing.
  await inst.page.locator('.verify-banner').waitFor({ timeout: 10_000 });
  await shot(inst.page, '02-registered-dashboard');
  await accessibility(inst.page, 'dashboard');
  // The verification mail, read from the catcher; its link confirms the address.
  const verification = await mailbox.waitFor(`vien${tag}@example.vn`, /verify-email/);
  await inst.page.goto(linkIn(verification, '/verify-email').toString());
  await inst.page.locator('main').getByText(`vien${tag}@example.vn`).first().waitFor({ timeout: 10_000 });
  await shot(inst.page, '02b-email-verified');
  await accessibility(inst.page, 'verify email');
  expect(await inst.page.locator('.verify-banner').count()).toBe(0);

  // 2. It publishes an offer through the form (waits for review: the institute is new).
  await inst.page.goto(`${base}/offers/new`);
  const title = `Quy trình nuôi tôm thẻ chân trắng tuần hoàn ${tag}`;
  await inst.page.getByLabel('Tên công nghệ').fill(title);
  await inst.page
    .getByLabel('Tóm tắt')
    .fill('Nuôi tôm tuần hoàn RAS giảm 70% lượng nước thay, xử lý nước thải ao nuôi bằng lọc sinh học.');
  await inst.page.getByRole('checkbox', { name: 'Thủy sản' }).check();
  await inst.page.getByRole('checkbox', { name: 'Môi trường & xử lý chất thải' }).check();
  await inst.page.getByLabel('Mức độ sẵn sàng (TRL)').selectOption('7');
  await chooseProvince(inst.page, 'Cần Thơ');
  await inst.page.getByLabel('Loại sở hữu trí tuệ').selectOption('patent');
  await inst.page.getByLabel('Tình trạng bảo hộ').selectOption('granted');
  await inst.page.getByRole('checkbox', { name: 'Chuyển giao quyền sử dụng không độc quyền' }).check();
  await inst.page.getByRole('checkbox', { name: /Chuyển giao kèm máy móc/ }).check();
  await inst.page.getByLabel('Chi tiết bảo mật').fill(`Công thức men vi sinh bí mật ${tag}`);
  await inst.page.getByRole('button', { name: 'Đăng tin' }).click();
  await inst.page.waitForURL(/\/offers\/[a-f0-9]{24}$/, { timeout: 15_000 });
  const offerUrl = inst.page.url();
  await shot(inst.page, '03-offer-pending');

  // An administrator approves it in the moderation queue.
  const admin = await newUser();
  await login(admin.page, 'admin@demo.vn');
  await admin.page.goto(`${base}/admin`);
  const row = admin.page.locator('li, article, tr').filter({ hasText: title }).first();
  await row
    .getByRole('button', { name: /Duyệt|Phê duyệt/ })
    .first()
    .click();
  await admin.page.waitForTimeout(500);
  await shot(admin.page, '04-admin-approved');
  await admin.context.close();

  // 3. An enterprise searches "nuoi tom" without diacritics and finds it through a facet.
  const ent = await newUser();
  await login(ent.page, 'doanhnghiep@demo.vn');
  await ent.page.goto(`${base}/search`);
  // Search is eventually consistent: the approval reaches the index within seconds (longer while the demo data is being matched).
  for (let i = 0; i < 30; i++) {
    await ent.page.goto(`${base}/search?q=${encodeURIComponent(`nuoi tom ${tag}`)}`);
    if (
      await ent.page
        .getByRole('link', { name: new RegExp(tag) })
        .first()
        .isVisible({ timeout: 3000 })
        .catch(() => false)
    )
      break;
  }
  await ent.page
    .getByRole('link', { name: new RegExp(tag) })
    .first()
    .waitFor({ timeout: 5000 });
  await expect(ent.page.getByLabel('Từ khóa tìm kiếm')).toBeDefined();
  // The facet is a link-like filter kept in the URL; clicking it narrows the results.
  await ent.page
    .getByRole('checkbox', { name: /Thủy sản/ })
    .first()
    .click();
  await ent.page.waitForURL(/sector=aquaculture/, { timeout: 10_000 });
  await ent.page
    .getByRole('link', { name: new RegExp(tag) })
    .first()
    .waitFor({ timeout: 15_000 });
  await shot(ent.page, '05-search-nuoi-tom');
  await accessibility(ent.page, 'search');
  await ent.page
    .getByRole('link', { name: new RegExp(tag) })
    .first()
    .click();
  await ent.page.waitForURL(offerUrl);
  await accessibility(ent.page, 'listing');
  expect(await ent.page.content()).not.toContain(`bí mật ${tag}`);

  // 4. The enterprise publishes a demand; the institute sees the live match toast without reloading.
  await inst.page.goto(`${base}/app`);
  await ent.page.goto(`${base}/demands/new`);
  await ent.page.waitForLoadState('networkidle');
  await shot(ent.page, '06a-demand-form');
  await ent.page.getByLabel('Tiêu đề nhu cầu').fill(`Cần công nghệ nuôi tôm tuần hoàn xử lý nước thải ${tag}`);
  await ent.page
    .getByLabel('Vấn đề cần giải quyết')
    .fill('Trang trại cần quy trình nuôi tôm thẻ chân trắng tuần hoàn, xử lý nước thải ao nuôi đạt chuẩn.');
  await ent.page.getByRole('checkbox', { name: 'Thủy sản' }).check();
  await chooseProvince(ent.page, 'Cần Thơ');
  await ent.page.getByRole('checkbox', { name: 'Chuyển giao quyền sử dụng không độc quyền' }).check();
  await ent.page.getByRole('button', { name: 'Đăng tin' }).click();
  await ent.page.waitForURL(/\/demands\/[a-f0-9]{24}$/, { timeout: 15_000 });
  await inst.page
    .locator('.toast')
    .filter({ hasText: new RegExp(tag) })
    .first()
    .waitFor({ timeout: 15_000 });
  await shot(inst.page, '06-live-match-toast');

  // 5. The enterprise opens a deal on the offer; both chat live.
  await ent.page.goto(offerUrl);
  // "Liên hệ" asks for an introduction first; the deal opens with it.
  await ent.page.getByRole('button', { name: /Bày tỏ quan tâm/ }).click();
  const introDialog = ent.page.getByRole('dialog');
  await introDialog.getByRole('button', { name: 'Gửi lời giới thiệu và mở giao dịch' }).click();
  await introDialog.getByText('Hãy viết lời giới thiệu ít nhất 20 ký tự.').waitFor();
  await introDialog
    .getByLabel('Lời giới thiệu')
    .fill(`Xin giới thiệu: công ty thủy sản ở Cần Thơ, cần công nghệ RAS ${tag}`);
  await shot(ent.page, '07a-introduction');
  await accessibility(ent.page, 'introduction dialog');
  await introDialog.getByRole('button', { name: 'Gửi lời giới thiệu và mở giao dịch' }).click();
  await ent.page.waitForURL(/\/deals\/[a-f0-9]{24}$/, { timeout: 15_000 });
  const dealUrl = ent.page.url();
  await inst.page.goto(dealUrl);
  await inst.page.waitForSelector('[role=log]');
  await inst.page.locator('.bubble__body', { hasText: 'Xin giới thiệu' }).waitFor({ timeout: 10_000 });
  await ent.page.waitForSelector('[role=log]');
  const entBox = ent.page.getByLabel('Tin nhắn', { exact: true });
  const instBox = inst.page.getByLabel('Tin nhắn', { exact: true });
  await entBox.fill(`Chào viện, chúng tôi quan tâm ${tag}`);
  await entBox.press('Enter');
  await inst.page.locator('.bubble__body', { hasText: `quan tâm ${tag}` }).waitFor({ timeout: 10_000 });
  await instBox.fill('Rất vui được hợp tác!');
  await instBox.press('Enter');
  await ent.page.locator('.bubble__body', { hasText: 'Rất vui được hợp tác!' }).waitFor({ timeout: 10_000 });
  await shot(ent.page, '07-chat');
  await accessibility(ent.page, 'deal');

  // 6. NDA: the enterprise accepts, the institute approves, the confidential details appear.
  await ent.page.getByRole('button', { name: 'Đọc và chấp thuận NDA' }).click();
  const dialog = ent.page.getByRole('dialog');
  await dialog.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: 'Chấp thuận NDA' }).click();
  await inst.page.getByRole('button', { name: 'Phê duyệt NDA' }).click({ timeout: 10_000 });
  await ent.page.getByText(`Công thức men vi sinh bí mật ${tag}`).waitFor({ timeout: 10_000 });
  // The stepper shows the NDA stage, with the agreement's state.
  await ent.page.locator('.stepper__step--current', { hasText: 'Bảo mật (NDA)' }).waitFor({ timeout: 10_000 });
  await shot(ent.page, '08-nda-confidential');
  // The signed NDA record, as a PDF.
  const [ndaPdf] = await Promise.all([
    ent.page.waitForEvent('download'),
    ent.page.getByRole('button', { name: 'Tải biên bản NDA (PDF)' }).click(),
  ]);
  expect(ndaPdf.suggestedFilename()).toMatch(/^nda-[a-f0-9]{24}\.pdf$/);
  expect(
    fs
      .readFileSync((await ndaPdf.path()) as string)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  // 7. Switch to English and back.
  await switchLanguage(ent.page, 'en');
  await shot(ent.page, '09-english');
  await switchLanguage(ent.page, 'vi');
  await ent.page.waitForFunction(() => document.documentElement.lang === 'vi');

  // Home page accessibility, signed out; and the search page's first render, measured in Chromium.
  const guest = await newUser();
  await guest.page.goto(`${base}/search?q=nuoi%20tom`);
  await guest.page.getByRole('heading', { level: 1 }).first().waitFor();
  const paint = await guest.page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { firstContentfulPaintMs: fcp, domContentLoadedMs: nav?.domContentLoadedEventEnd ?? null };
  });
  fs.writeFileSync(path.join(artifacts, 'search-first-render.json'), JSON.stringify(paint, null, 2));
  console.log(`Search page first contentful paint: ${paint.firstContentfulPaintMs?.toFixed(0)} ms`);
  await guest.page.goto(base);
  await guest.page.waitForLoadState('networkidle');
  await shot(guest.page, '10-home');
  await accessibility(guest.page, 'home');

  expect(consoleErrors).toEqual([]);
});

test('operator flow: an organisation asks to be verified with a document; an administrator opens it and approves; suspends a user; the audit log shows both', async () => {
  const tag = `${Date.now()}`.slice(-6);
  const orgName = `Trường Đại học Kỹ thuật ${tag}`;
  const email = `truong${tag}@example.vn`;
  // An owner registers a university and asks for verification from the dashboard.
  const uni = await newUser();
  await uni.page.goto(`${base}/register`);
  await uni.page.getByLabel('Họ và tên').fill('PGS. Lê Thu Hà');
  await uni.page.getByLabel('Email').fill(email);
  await uni.page.getByLabel('Mật khẩu', { exact: true }).fill('MatKhau2026');
  await uni.page.getByLabel('Tên tổ chức').fill(orgName);
  await uni.page.getByLabel('Loại tổ chức').selectOption('university');
  await chooseProvince(uni.page, 'Hồ Chí Minh');
  await uni.page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await uni.page.waitForURL(/\/app$/, { timeout: 15_000 });
  const card = uni.page.locator('#verification');
  await card.getByLabel('Số đăng ký').fill(`QD-${tag}`);
  await card.getByLabel('Mã số thuế').fill('0301234567');
  await card.getByLabel('Địa chỉ trụ sở').fill('268 Lý Thường Kiệt, Phường Diên Hồng, TP. Hồ Chí Minh');
  await card.getByRole('button', { name: 'Gửi yêu cầu xác minh' }).click();
  await card.getByText('Đang chờ xét duyệt').first().waitFor({ timeout: 10_000 });
  await uni.page.setInputFiles('#verification-document', {
    name: 'quyet-dinh-thanh-lap.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n'),
  });
  await card.getByText('quyet-dinh-thanh-lap.pdf', { exact: true }).waitFor({ timeout: 10_000 });
  await shot(uni.page, '11-verification-requested');

  // The administrator reviews it: opens the document, then approves.
  const admin = await newUser();
  await login(admin.page, 'admin@demo.vn');
  await admin.page.goto(`${base}/admin?tab=verifications`);
  const request = admin.page.locator('article, li, section').filter({ hasText: orgName }).last();
  await request.waitFor({ timeout: 10_000 });
  const [download] = await Promise.all([
    admin.page.waitForEvent('download'),
    request.getByRole('link', { name: 'quyet-dinh-thanh-lap.pdf' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('quyet-dinh-thanh-lap.pdf');
  await accessibility(admin.page, 'admin verifications');
  await request.getByRole('button', { name: `Phê duyệt và xác minh ${orgName}` }).click();
  await admin.page.getByText(`Đã xác minh ${orgName}`).first().waitFor({ timeout: 10_000 });
  // The owner sees the decision live, without reloading.
  await card.getByText('Tổ chức của bạn đã được xác minh.').waitFor({ timeout: 10_000 });
  await shot(uni.page, '12-verification-approved');

  // The administrator suspends the owner, with a reason; the owner's session ends.
  await admin.page.goto(`${base}/admin?tab=accounts`);
  await admin.page.getByLabel('Tìm theo tên hoặc email').fill(email);
  await admin.page.getByRole('button', { name: 'Tìm', exact: true }).click();
  const userRow = admin.page.locator('tr').filter({ hasText: email });
  await userRow.getByRole('button', { name: 'Tạm khóa PGS. Lê Thu Hà' }).click();
  const dialog = admin.page.getByRole('dialog');
  await dialog.getByLabel(/Lý do/).fill('Đăng tin trùng lặp nhiều lần');
  await dialog.getByRole('button', { name: 'Tạm khóa', exact: true }).click();
  await userRow.getByText('Đã tạm khóa').waitFor({ timeout: 10_000 });
  await accessibility(admin.page, 'admin accounts');
  await shot(admin.page, '13-admin-suspended');
  await uni.page.waitForURL(/\/login/, { timeout: 15_000 });

  // Both acts are in the audit log, newest first, and the filter narrows it to one action.
  await admin.page.goto(`${base}/admin?tab=audit`);
  const log = admin.page.locator('table');
  await log.getByText('Tạm khóa người dùng').first().waitFor({ timeout: 10_000 });
  await log.getByText('Phê duyệt yêu cầu xác minh').first().waitFor();
  await admin.page.getByLabel('Hành động').selectOption('user.suspended');
  await admin.page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
  await admin.page.waitForURL(/action=user\.suspended/);
  await log.getByText('Tạm khóa người dùng').first().waitFor({ timeout: 10_000 });
  // The filtered list replaces the one shown before it (which stays on screen while it loads).
  await log.getByText('Phê duyệt yêu cầu xác minh').first().waitFor({ state: 'detached', timeout: 15_000 });
  expect(await log.getByText('Phê duyệt yêu cầu xác minh').count()).toBe(0);
  await accessibility(admin.page, 'admin audit log');
  await shot(admin.page, '14-admin-audit');
  await admin.context.close();
  await uni.context.close();
  expect(consoleErrors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
});

/** Calls the API as a demo account (setup that is not what the test is about). */
async function apiAs(email: string) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T = { data: Record<string, unknown> & { id: string } }>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

test('negotiation: a proposal compared and shortlisted, a win confirmed by both sides, a broker mandate and introduction', async () => {
  const tag = `${Date.now()}`.slice(-6);
  const INSTITUTE = 'Viện Nghiên cứu Nuôi trồng Thủy sản II';
  const ENTERPRISE = 'Công ty CP Thủy sản Minh Phú Hậu Giang';
  // The enterprise's demand (set up through the API).
  const enterpriseApi = await apiAs('doanhnghiep@demo.vn');
  const created = await enterpriseApi('/api/demands', {
    title: `Cần hệ thống lọc sinh học cho ao tôm ${tag}`,
    problem: 'Trang trại cần hệ thống lọc sinh học tuần hoàn để giảm thay nước và bệnh tôm trong ao nuôi.',
    sectors: ['aquaculture'],
    keywords: ['lọc sinh học', 'tôm'],
    province: 'CTO',
    transferModes: ['license_non_exclusive'],
    budget: { max: 2_000_000_000, currency: 'VND' },
  });
  const demandId = created.data.id;
  await enterpriseApi(`/api/demands/${demandId}/publish`, {});

  // 1. The institute answers with a structured proposal, with a file.
  const inst = await newUser();
  await login(inst.page, 'vien@demo.vn');
  await inst.page.goto(`${base}/demands/${demandId}`);
  await inst.page.getByRole('link', { name: 'Gửi đề xuất giải pháp' }).click();
  await inst.page.waitForURL(/\/propose$/);
  await inst.page
    .getByLabel('Cách tiếp cận')
    .fill('Hệ thống lọc sinh học tuần hoàn RAS với giá thể vi sinh và đèn UV, vận hành tự động.');
  await inst.page.getByLabel('Giá từ (VND)').fill('700000000');
  await inst.page.getByLabel('Giá đến (VND)').fill('950000000');
  await inst.page.getByLabel('Thời gian thực hiện (tháng)').fill('6');
  await inst.page.getByLabel('Mức độ sẵn sàng (TRL)').selectOption('7');
  await inst.page
    .getByLabel('Bằng chứng về TRL')
    .fill('Vận hành thử 12 tháng tại Bạc Liêu, có biên bản nghiệm thu cấp tỉnh.');
  await inst.page.setInputFiles('#field-files', {
    name: 'bien-ban-nghiem-thu.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n'),
  });
  await shot(inst.page, '15-proposal-form');
  await accessibility(inst.page, 'proposal form');
  await inst.page.getByRole('button', { name: 'Gửi đề xuất' }).click();
  await inst.page.waitForURL(/\/deals\/[a-f0-9]{24}$/, { timeout: 15_000 });
  const proposalDealUrl = inst.page.url();
  await inst.page.getByText('bien-ban-nghiem-thu.pdf').first().waitFor({ timeout: 10_000 });
  // A second proposal, from the university (through the API).
  await (await apiAs('truong@demo.vn'))('/api/proposals', {
    demandId,
    approach: 'Bể lọc sinh học kết hợp tảo và cá rô phi, chi phí đầu tư thấp cho nông hộ.',
    priceMinVnd: 300_000_000,
    priceMaxVnd: 450_000_000,
    timelineMonths: 9,
    trl: 5,
    trlEvidence: 'Mô hình thử nghiệm tại trại thực nghiệm của Trường.',
  });

  // 2. The enterprise compares them side by side and shortlists the institute's.
  const ent = await newUser();
  await login(ent.page, 'doanhnghiep@demo.vn');
  await ent.page.goto(`${base}/demands/${demandId}`);
  await ent.page.getByRole('link', { name: 'So sánh các đề xuất' }).click();
  const table = ent.page.locator('.compare__table');
  await table.getByRole('columnheader', { name: INSTITUTE }).waitFor({ timeout: 10_000 });
  await table.getByRole('columnheader', { name: 'Trường Đại học Cần Thơ' }).waitFor();
  await shot(ent.page, '16-proposals-compared');
  await accessibility(ent.page, 'proposals compared');
  await ent.page.getByRole('button', { name: `Đưa vào danh sách rút gọn: đề xuất của ${INSTITUTE}` }).click();
  await table.locator('.badge', { hasText: 'Vào danh sách rút gọn' }).waitFor({ timeout: 10_000 });
  await shot(ent.page, '17-proposal-shortlisted');

  // 3. Stages: the enterprise moves the deal on; the institute proposes the win; the enterprise confirms it.
  await ent.page.goto(proposalDealUrl);
  const move = async (page: Page, stage: string) => {
    await page.getByLabel('Chuyển sang giai đoạn').selectOption(stage);
    await page.getByRole('button', { name: 'Cập nhật' }).click();
    await page
      .locator('.stepper__step--current', {
        hasText: { negotiation: 'Đàm phán', agreement: 'Thỏa thuận' }[stage] as string,
      })
      .waitFor({ timeout: 10_000 });
  };
  await move(ent.page, 'negotiation');
  await move(ent.page, 'agreement');
  await inst.page.goto(proposalDealUrl);
  await inst.page.getByLabel('Chuyển sang giai đoạn').selectOption('won');
  await inst.page.getByRole('button', { name: 'Gửi đề xuất' }).click();
  const won = inst.page.getByRole('dialog');
  await won.getByLabel('Loại hợp đồng').selectOption('license_non_exclusive');
  await won.getByLabel('Giá trị hợp đồng (VND)').fill('850000000');
  await won.getByRole('button', { name: 'Ghi nhận thành công' }).click();
  await inst.page.getByText('Chờ xác nhận của: Bên có nhu cầu.').waitFor({ timeout: 10_000 });
  await shot(inst.page, '18-win-proposed');
  // The enterprise sees the proposal live, without reloading, and confirms it.
  await ent.page.getByRole('button', { name: 'Xác nhận “Thành công”' }).click({ timeout: 15_000 });
  await ent.page.locator('.stepper__step--current', { hasText: 'Thành công' }).waitFor({ timeout: 10_000 });
  await inst.page.locator('.stepper__step--current', { hasText: 'Thành công' }).waitFor({ timeout: 10_000 });
  await ent.page.locator('.audit').getByText('Xác nhận đề xuất').first().waitFor({ timeout: 10_000 });
  await shot(ent.page, '19-win-confirmed');
  await accessibility(ent.page, 'deal won');

  // 4. The broker asks the institute for a mandate; the institute accepts.
  const broker = await newUser();
  await login(broker.page, 'moigioi@demo.vn');
  await broker.page.goto(`${base}/broker`);
  await broker.page.getByLabel('Tổ chức khách hàng').selectOption({ label: INSTITUTE });
  await broker.page.getByLabel('Phí môi giới (% giá trị hợp đồng)').fill('5');
  await broker.page.getByRole('button', { name: 'Gửi yêu cầu ủy quyền' }).click();
  await broker.page.getByText('Đã gửi yêu cầu ủy quyền.').waitFor({ timeout: 10_000 });
  await inst.page.goto(`${base}/deals`);
  await inst.page.getByRole('button', { name: /Đồng ý ủy quyền cho / }).click({ timeout: 10_000 });
  await inst.page.locator('#mandates').getByText('Đang hiệu lực').waitFor({ timeout: 10_000 });
  await shot(inst.page, '20-mandate-accepted');

  // 5. It sees the institute's listings and matches, and introduces an offer to the enterprise's demand.
  await broker.page.reload();
  await broker.page.getByRole('link', { name: `Tin và gợi ý của ${INSTITUTE}` }).click();
  await broker.page.waitForURL(/\/broker\/mandates\//);
  const match = broker.page.locator('.portfolio__match').filter({ hasText: ENTERPRISE }).first();
  await match.waitFor({ timeout: 15_000 });
  await shot(broker.page, '21-broker-portfolio');
  await accessibility(broker.page, 'broker portfolio');
  await match.getByRole('button', { name: /^Giới thiệu với / }).click();
  const intro = broker.page.getByRole('dialog');
  await intro
    .getByLabel('Lời giới thiệu')
    .fill(`Xin giới thiệu Viện và Công ty: công nghệ của Viện đáp ứng nhu cầu ${tag}.`);
  await intro.getByRole('button', { name: 'Gửi lời giới thiệu' }).click();
  await broker.page.waitForURL(/\/deals\/[a-f0-9]{24}$/, { timeout: 15_000 });
  const introUrl = broker.page.url();
  // Both parties accept; the deal goes on.
  for (const party of [inst, ent]) {
    await party.page.goto(introUrl);
    await party.page.getByRole('button', { name: 'Đồng ý tham gia' }).click({ timeout: 10_000 });
  }
  await ent.page.locator('.stepper__step--current', { hasText: 'Đã liên hệ' }).waitFor({ timeout: 10_000 });
  await shot(ent.page, '22-introduction-accepted');
  // The broker's workspace: by client, then stage; on a phone the board scrolls with a visible cue.
  await broker.page.setViewportSize({ width: 375, height: 800 });
  await broker.page.goto(`${base}/broker`);
  await broker.page
    .getByRole('heading', { name: new RegExp(INSTITUTE) })
    .first()
    .waitFor({ timeout: 10_000 });
  await broker.page.getByText('Kéo ngang để xem các giai đoạn khác').first().waitFor();
  await shot(broker.page, '23-broker-board-phone');
  await accessibility(broker.page, 'broker workspace');
  for (const u of [inst, ent, broker]) await u.context.close();
  expect(consoleErrors).toEqual([]);
});

test('brokerage day: an agency creates and publishes it; an enterprise registers on a phone, asks for a meeting from the suggestions; the university accepts; the organiser schedules; the agenda updates live on the phone', async () => {
  const tag = `${Date.now()}`.slice(-6);
  const title = `Ngày kết nối công nghệ thủy sản ${tag}`;
  const day = new Date(Date.now() + 30 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  const closes = new Date(Date.now() + 25 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  const desktop = { width: 1280, height: 900 };
  const phoneSize = { width: 375, height: 740 };

  // 1. The agency (Sở KH&CN) drafts the event in the form, then publishes it from its console.
  const agency = await newUser(desktop);
  await login(agency.page, 'so@demo.vn');
  await agency.page.goto(`${base}/events/new`);
  await agency.page.getByLabel('Tên sự kiện').fill(title);
  await agency.page.getByLabel('Loại sự kiện').selectOption('brokerage');
  await agency.page.getByLabel('Bắt đầu', { exact: true }).fill(`${day}T08:00`);
  await agency.page.getByLabel('Kết thúc', { exact: true }).fill(`${day}T12:00`);
  await agency.page.getByLabel('Hạn đăng ký').fill(`${closes}T17:00`);
  await agency.page.getByLabel('Địa điểm').fill('Trung tâm Hội nghị thành phố Cần Thơ');
  await chooseProvince(agency.page, 'Cần Thơ');
  await agency.page.getByRole('checkbox', { name: 'Thủy sản' }).check();
  await agency.page.getByLabel('Số bàn gặp').fill('4');
  await shot(agency.page, '20-event-form');
  await accessibility(agency.page, 'event form');
  await agency.page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await agency.page.waitForURL(/\/events\/[a-f0-9]{24}\/console$/, { timeout: 15_000 });
  const eventUrl = agency.page.url().replace(/\/console$/, '');
  await agency.page.getByRole('button', { name: 'Công bố sự kiện' }).click();
  await agency.page.getByText('Đã công bố').first().waitFor({ timeout: 10_000 });

  // 2. The university registers its wastewater technology as its booth (desktop).
  const university = await newUser(desktop);
  await login(university.page, 'truong@demo.vn');
  await university.page.goto(eventUrl);
  await university.page.getByRole('checkbox', { name: /Công nghệ XLNT chế biến thủy sản/ }).check();
  await university.page.locator('.event-register').getByRole('button', { name: 'Đăng ký' }).click();
  await university.page.getByText('Tổ chức của bạn đã đăng ký tham gia sự kiện này.').waitFor({ timeout: 10_000 });

  // 3. The enterprise, on a phone, finds the event in the list and registers with its wastewater demand.
  const enterprise = await newUser(phoneSize);
  await login(enterprise.page, 'doanhnghiep@demo.vn');
  await enterprise.page.goto(`${base}/events?province=CTO`);
  await enterprise.page.getByRole('link', { name: title }).click();
  await enterprise.page.waitForURL(eventUrl);
  await enterprise.page.getByRole('checkbox', { name: /Cần giải pháp xử lý nước thải nhà máy chế biến tôm/ }).check();
  await shot(enterprise.page, '21-event-register-phone');
  await accessibility(enterprise.page, 'event page (phone)');
  await enterprise.page.locator('.event-register').getByRole('button', { name: 'Đăng ký' }).click();
  await enterprise.page.getByText('Tổ chức của bạn đã đăng ký tham gia sự kiện này.').waitFor({ timeout: 10_000 });

  // 4. Its suggestions rank the university first, with the reasons; it asks for a meeting.
  await enterprise.page.getByRole('tab', { name: 'Gợi ý gặp gỡ' }).click();
  const suggestion = enterprise.page.locator('.suggestions li').first();
  await suggestion.getByText('Trường Đại học Cần Thơ').waitFor({ timeout: 10_000 });
  await shot(enterprise.page, '22-event-suggestions-phone');
  await suggestion.getByRole('button', { name: 'Đặt lịch gặp Trường Đại học Cần Thơ' }).click();
  const dialog = enterprise.page.getByRole('dialog');
  await dialog.getByLabel('Lời nhắn').fill('Xin gặp để trao đổi về hệ thống DAF kết hợp MBR.');
  await dialog.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await suggestion.getByText('Chờ trả lời').waitFor({ timeout: 10_000 });

  // 5. The university accepts it from its meetings.
  await university.page.reload();
  await university.page.getByRole('tab', { name: 'Cuộc gặp' }).click();
  await university.page
    .getByRole('button', { name: 'Nhận lời gặp Công ty CP Thủy sản Minh Phú Hậu Giang' })
    .click({ timeout: 10_000 });
  await university.page.getByText('Đã nhận lời').first().waitFor({ timeout: 10_000 });

  // 6. The enterprise opens its agenda on the phone (nothing scheduled yet); the organiser runs the
  // scheduler; the agenda shows the meeting, time and table, without a reload.
  await enterprise.page.goto(`${eventUrl}/agenda`);
  await enterprise.page.getByText('Chưa có cuộc gặp nào được xếp lịch.').waitFor({ timeout: 10_000 });
  await agency.page.reload();
  await agency.page.getByRole('button', { name: 'Chạy xếp lịch' }).click();
  await agency.page.getByText(/Lần xếp 1 .*: 1 cuộc gặp có lịch/).waitFor({ timeout: 10_000 });
  await shot(agency.page, '23-event-console');
  await accessibility(agency.page, 'organiser console');
  const item = enterprise.page.locator('.agenda-item').filter({ hasText: 'Trường Đại học Cần Thơ' });
  await item.waitFor({ timeout: 15_000 });
  await enterprise.page.getByText('Lịch gặp vừa được cập nhật.').waitFor({ timeout: 5000 });
  expect(await item.locator('.agenda-item__clock').textContent()).toBe('08:00–08:20');
  expect(await item.locator('.agenda-item__table').textContent()).toBe('Bàn 1');
  // Made for the phone: nothing wider than the screen.
  expect(await enterprise.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shot(enterprise.page, '24-my-agenda-phone');
  await accessibility(enterprise.page, 'my agenda (phone)');
  // In English (on a phone the language switch is in the menu).
  await enterprise.page.locator('.site-header__toggle').click();
  await enterprise.page.locator('.lang-switch__option[lang=en]').first().click();
  await enterprise.page.getByRole('heading', { name: 'My agenda' }).waitFor();
  await enterprise.page.getByText('Table 1').waitFor();
  await shot(enterprise.page, '25-my-agenda-phone-en');
  await enterprise.page.locator('.lang-switch__option[lang=vi]').first().click();

  for (const user of [agency, university, enterprise]) await user.context.close();
  expect(consoleErrors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
});

test('accounts by mail: forgot → mail → reset ends the old sessions and the link works once; the owner invites a colleague, who accepts and joins (phone and desktop)', async () => {
  const tag = `${Date.now()}`.slice(-6);
  const email = `chu${tag}@example.vn`;
  const orgName = `Công ty Cơ khí Chính xác ${tag}`;
  // An owner with a confirmed address (registered through the API, confirmed with the mailed link).
  const registered = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      password: 'MatKhauCu2026',
      name: 'Phạm Quốc Bảo',
      organization: { name: orgName, type: 'enterprise', province: 'DNG' },
    }),
  });
  expect(registered.status).toBe(201);
  const verify = linkIn(await mailbox.waitFor(email, /verify-email/), '/verify-email');
  const confirmed = await fetch(`${base}/api/auth/verify-email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: verify.searchParams.get('token') }),
  });
  expect(confirmed.status).toBe(200);

  // Signed in elsewhere with the old password: this session ends with the reset.
  const elsewhere = await newUser();
  await login(elsewhere.page, email, 'MatKhauCu2026');

  // 1. "Quên mật khẩu?" on the login page, on a phone.
  const owner = await newUser({ width: 375, height: 800 });
  await owner.page.goto(`${base}/login`);
  await owner.page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
  await owner.page.waitForURL(/\/forgot-password$/);
  // The page's code loads on demand: the login page stays on screen until it has (a transition).
  await owner.page.getByRole('button', { name: 'Gửi liên kết' }).waitFor();
  await owner.page.getByLabel('Email').fill(email);
  const [asked] = await Promise.all([
    owner.page.waitForResponse((r) => r.url().endsWith('/api/auth/password/forgot'), { timeout: 20_000 }),
    owner.page.getByRole('button', { name: 'Gửi liên kết' }).click(),
  ]);
  expect(asked.status()).toBe(202);
  await owner.page.getByText(/thư có liên kết đặt lại mật khẩu đang trên đường tới/).waitFor({ timeout: 10_000 });
  await shot(owner.page, '45-forgot-password-phone');
  await accessibility(owner.page, 'forgot password');

  // 2. The mail's link: a new password.
  const resetMail = await mailbox.waitFor(email, /reset-password/);
  expect(resetMail.subject).toBe('Đặt lại mật khẩu');
  const resetLink = linkIn(resetMail, '/reset-password').toString();
  await owner.page.goto(resetLink);
  await owner.page.getByLabel('Mật khẩu mới', { exact: true }).fill('MatKhauMoi2026');
  await owner.page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
  await owner.page.getByText('Đã đặt mật khẩu mới. Hãy đăng nhập bằng mật khẩu này.').waitFor({ timeout: 10_000 });
  await shot(owner.page, '46-reset-password-phone');
  await accessibility(owner.page, 'reset password');
  // A notice of the change follows.
  await mailbox.waitFor(email, /Mật khẩu của bạn đã được thay đổi/);

  // The link works once.
  await owner.page.goto(resetLink);
  await owner.page.getByLabel('Mật khẩu mới', { exact: true }).fill('MatKhauKhac2026');
  await owner.page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
  await owner.page.getByText('Liên kết không hợp lệ, đã được dùng hoặc đã hết hạn').waitFor({ timeout: 10_000 });

  // The old session is over: its next page needs a sign-in.
  await elsewhere.page.goto(`${base}/app`);
  await elsewhere.page.waitForURL(/\/login/, { timeout: 15_000 });
  await elsewhere.context.close();

  // 3. The owner signs in with the new password and invites a colleague from the team card (desktop).
  await owner.context.close();
  const desk = await newUser();
  await login(desk.page, email, 'MatKhauMoi2026');
  await desk.page.goto(`${base}/app`);
  const team = desk.page.locator('#team');
  await team.getByText('Phạm Quốc Bảo').waitFor({ timeout: 10_000 });
  const colleague = `dongnghiep${tag}@example.vn`;
  await team.getByLabel('Email đồng nghiệp').fill(colleague);
  await team.getByRole('button', { name: 'Gửi lời mời' }).click();
  await team.getByText(`Đã gửi lời mời tới ${colleague}.`).waitFor({ timeout: 10_000 });
  await team.getByRole('button', { name: `Thu hồi lời mời gửi ${colleague}` }).waitFor();
  await team.scrollIntoViewIfNeeded();
  await shot(desk.page, '47-team-invited');
  await accessibility(desk.page, 'account with team');

  // 4. The colleague opens the invitation from the mail (a phone), creates the account and joins.
  const invitation = await mailbox.waitFor(colleague, /invitation\?token=/);
  expect(invitation.subject).toContain(orgName);
  const guest = await newUser({ width: 375, height: 800 });
  await guest.page.goto(linkIn(invitation, '/invitation').toString());
  await guest.page.getByText(`Phạm Quốc Bảo mời bạn tham gia ${orgName}`).waitFor({ timeout: 10_000 });
  await guest.page.getByLabel('Họ và tên').fill('Ngô Thị Lan');
  await guest.page.getByLabel('Mật khẩu', { exact: true }).fill('MatKhau2026');
  await accessibility(guest.page, 'invitation');
  await shot(guest.page, '48-invitation-phone');
  await guest.page.getByRole('button', { name: 'Tạo tài khoản và tham gia' }).click();
  await guest.page.getByText(`Bạn đã tham gia ${orgName}.`).waitFor({ timeout: 10_000 });
  await guest.page.getByRole('link', { name: 'Về trang của tôi' }).click();
  await guest.page.waitForURL(/\/app$/);
  // Confirmed by the invitation itself: no banner; the organisation is theirs now.
  // (Named in the account menu, which the phone's collapsed header keeps closed.)
  await guest.page.getByText(orgName).first().waitFor({ state: 'attached', timeout: 10_000 });
  expect(await guest.page.locator('.verify-banner').count()).toBe(0);
  await shot(guest.page, '49-joined-phone');

  // The owner sees the new member, with their role.
  await desk.page.reload();
  await team.getByText('Ngô Thị Lan').waitFor({ timeout: 10_000 });
  await shot(desk.page, '50-team-joined');
  await desk.context.close();
  await guest.context.close();
  expect(consoleErrors.filter((e) => !/401|Unauthorized|400 \(Bad Request\)/.test(e))).toEqual([]);
});
