/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { SearchHit } from '@techbridge/shared';
import { repoRoot } from '../helpers/processes';
import { accessibility, e2e, login, newUser, PASSWORD, shot, useApp } from './harness';

/**
 * Discovery in a real browser: similar listings under a listing, saving it
 * ("Lưu"), finding it on "Đã lưu" and removing it; an organisation's profile
 * (desktop and phone screenshots); its owner editing the profile and seeing
 * the completeness hint change.
 */
useApp();
const { consoleErrors } = e2e;

/**
 * The profile editing step needs the server's PATCH /api/organizations/me/profile,
 * built alongside this client on another branch: the test runs once a server
 * route declares that path, and is skipped (not silently passed) before.
 */
const profileServerPresent = (() => {
  try {
    execFileSync('grep', ['-rqF', "'/organizations/me/profile'", path.join(repoRoot, 'server/src')]);
    return true;
  } catch {
    return false;
  }
})();

async function api<T>(pathname: string, token?: string): Promise<T> {
  const res = await fetch(`${e2e.base}${pathname}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw new Error(`${pathname}: ${res.status}`);
  return (await res.json()) as T;
}

async function tokenOf(email: string): Promise<{ token: string; organizationId: string }> {
  const res = await fetch(`${e2e.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = (await res.json()) as { accessToken: string; user: { organizationId: string } };
  return { token: body.accessToken, organizationId: body.user.organizationId };
}

/** Waits (10 s at most) until the user's saved listings on the server do (or do not) include `listingId`. */
async function serverHas(token: string, listingId: string, wanted: boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { data } = await api<{ data: { listingId: string }[] }>('/api/bookmarks', token);
    const has = data.some((b) => b.listingId === listingId);
    if (has === wanted) return;
    if (Date.now() > deadline) throw new Error(`bookmark ${listingId} ${wanted ? 'not saved' : 'still saved'}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A published offer of another organisation that has similar offers (the demo world has many). */
async function offerWithSimilar(notOrg: string): Promise<{ hit: SearchHit; similar: SearchHit[] }> {
  const { hits } = await api<{ hits: SearchHit[] }>('/api/search?type=offer&sort=newest&limit=30');
  for (const hit of hits.filter((h) => h.organization.id !== notOrg)) {
    const { data } = await api<{ data: SearchHit[] }>(`/api/offers/${hit.id}/similar`);
    if (data.length > 0) return { hit, similar: data };
  }
  throw new Error('no published offer with similar offers in the demo data');
}

test('an enterprise sees similar listings, saves one, finds it on "Đã lưu" and removes it; an organisation page', async () => {
  const me = await tokenOf('doanhnghiep@demo.vn');
  const { hit, similar } = await offerWithSimilar(me.organizationId);
  const { context, page } = await newUser();
  await login(page, 'doanhnghiep@demo.vn');

  // The listing, and similar offers under it.
  await page.goto(`${e2e.base}/offers/${hit.id}`);
  await page.getByRole('heading', { level: 1, name: hit.title }).waitFor();
  const section = page.getByRole('region', { name: 'Công nghệ tương tự' });
  await section.waitFor({ timeout: 15_000 });
  await section.getByRole('link', { name: similar[0].title, exact: true }).first().waitFor();
  await section.scrollIntoViewIfNeeded();
  await shot(page, 'discovery-03-similar');
  await accessibility(page, 'listing with similar listings');

  // Save it: pressed at once, and kept after a reload.
  const save = page.getByRole('button', { name: 'Lưu', exact: true });
  await save.click();
  const saved = page.getByRole('button', { name: 'Đã lưu', exact: true });
  await saved.waitFor();
  expect(await saved.getAttribute('aria-pressed')).toBe('true');
  await serverHas(me.token, hit.id, true);
  await page.reload();
  await page.getByRole('button', { name: 'Đã lưu', exact: true }).waitFor({ timeout: 15_000 });

  // "Đã lưu" from the navigation (signed in, the header folds its links into the menu button).
  const navLink = page.locator('.site-nav').getByRole('link', { name: 'Đã lưu' });
  if (!(await navLink.isVisible())) await page.locator('.site-header__toggle').click();
  await navLink.click();
  await page.waitForURL(/\/saved$/);
  const offers = page.getByRole('region', { name: /Công nghệ đã lưu/ });
  await offers.getByRole('link', { name: hit.title, exact: true }).waitFor();
  await shot(page, 'discovery-04-saved');
  await accessibility(page, 'saved');

  // Remove it: gone at once, and gone on the server.
  await page.getByRole('button', { name: `Bỏ lưu: ${hit.title}` }).click();
  await page.getByText(`Đã bỏ lưu “${hit.title}”.`).waitFor();
  await page.getByRole('link', { name: hit.title, exact: true }).waitFor({ state: 'detached' });
  await serverHas(me.token, hit.id, false);

  // On a phone, "Đã lưu" works too.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Đã lưu' }).waitFor();
  await shot(page, 'discovery-05-saved-phone');
  await accessibility(page, 'saved (phone)');
  await context.close();

  // An organisation's page, seen by a visitor: desktop and phone.
  const vien = await tokenOf('vien@demo.vn');
  const visitor = await newUser();
  await visitor.page.goto(`${e2e.base}/organizations/${vien.organizationId}`);
  await visitor.page.getByRole('heading', { level: 1 }).waitFor();
  await visitor.page.getByRole('region', { name: 'Giới thiệu' }).waitFor();
  await visitor.page.getByRole('region', { name: 'Người liên hệ' }).waitFor();
  await visitor.page.locator('.hit-list li').first().waitFor({ timeout: 15_000 });
  await shot(visitor.page, 'discovery-01-organization');
  await accessibility(visitor.page, 'organization');
  await visitor.page.setViewportSize({ width: 375, height: 812 });
  await shot(visitor.page, 'discovery-02-organization-phone');
  await accessibility(visitor.page, 'organization (phone)');
  // No sideways scrolling on a phone.
  expect(await visitor.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await visitor.context.close();
  expect(consoleErrors).toEqual([]);
});

// Skipped until the profile server (PATCH /api/organizations/me/profile, completeness) is on this branch.
(profileServerPresent ? test : test.skip)(
  'an owner edits the profile description and sees the completeness hint change',
  async () => {
    const vien = await tokenOf('vien@demo.vn');
    const { context, page } = await newUser();
    await login(page, 'vien@demo.vn');
    // Start without a description, so writing one completes the profile further.
    await page.goto(`${e2e.base}/organization/profile`);
    const description = page.getByRole('textbox', { name: /^Giới thiệu/ });
    await description.waitFor({ timeout: 15_000 });
    await description.fill('');
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.getByText('Đã lưu hồ sơ tổ chức.').waitFor();

    await page.goto(`${e2e.base}/organizations/${vien.organizationId}`);
    const hint = page.getByRole('region', { name: 'Mức hoàn thiện hồ sơ' });
    await hint.waitFor({ timeout: 15_000 });
    const before = Number(await hint.getByRole('progressbar').getAttribute('aria-valuenow'));
    await hint.getByText(/phần giới thiệu/).waitFor();
    await shot(page, 'discovery-06-completeness-before');

    await hint.getByRole('link', { name: 'Chỉnh sửa hồ sơ' }).click();
    await page.waitForURL(/\/organization\/profile$/);
    await page
      .getByRole('textbox', { name: /^Giới thiệu/ })
      .fill('Viện nghiên cứu giống, dinh dưỡng và công nghệ nuôi thủy sản vùng Đồng bằng sông Cửu Long.');
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.getByText('Đã lưu hồ sơ tổ chức.').waitFor();
    await accessibility(page, 'profile edit');

    await page.getByRole('link', { name: 'Xem trang công khai' }).click();
    const after = page.getByRole('region', { name: 'Mức hoàn thiện hồ sơ' });
    await after.waitFor();
    await page.getByText(/Viện nghiên cứu giống, dinh dưỡng/).waitFor();
    expect(Number(await after.getByRole('progressbar').getAttribute('aria-valuenow'))).toBeGreaterThan(before);
    expect(await after.getByText(/phần giới thiệu/).count()).toBe(0);
    await shot(page, 'discovery-07-completeness-after');
    await context.close();
  },
);
