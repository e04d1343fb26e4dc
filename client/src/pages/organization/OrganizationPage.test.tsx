import { afterEach, describe, expect, it } from '@jest/globals';
import type { OrganizationProfileDto } from '@techbridge/shared';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { AuthContextValue } from '../../auth/context';
import { profileDto } from '../../test/discoveryFixtures';
import { stubFetch } from '../../test/fetchStub';
import { renderWithProviders, signedIn } from '../../test/render';
import { OrganizationPage } from './OrganizationPage';

let restore = () => {};
afterEach(() => restore());

function api(profile: Partial<OrganizationProfileDto>) {
  const stub = stubFetch(({ url }) => {
    if (url.startsWith('/api/organizations/')) return { status: 200, body: { data: profile } };
    if (url.startsWith('/api/search'))
      return { status: 200, body: { hits: [], facets: {}, total: 0, page: 1, limit: 10 } };
    return { status: 200, body: { data: [] } };
  });
  restore = stub.restore;
}

function anonymous(): AuthContextValue {
  return { ...signedIn({ id: 'x' }), status: 'anonymous', user: null, organization: null, accessToken: null };
}

function render(auth: AuthContextValue) {
  return renderWithProviders(
    <Routes>
      <Route path="/organizations/:id" element={<OrganizationPage />} />
    </Routes>,
    { route: '/organizations/org1', auth },
  );
}

describe('OrganizationPage', () => {
  it('shows who they are: logo, name, badge, type, province, founding year, size, website', async () => {
    api(profileDto());
    const { container } = render(anonymous());
    expect(await screen.findByRole('heading', { level: 1, name: profileDto().name })).toBeTruthy();
    expect(container.querySelector('img.org-logo')?.getAttribute('src')).toBe('/api/organizations/org1/logo');
    expect(screen.getByText('Đã xác minh')).toBeTruthy();
    expect(screen.getByText('Thành lập năm 1976')).toBeTruthy();
    expect(screen.getByText('Quy mô: 201–1.000 người')).toBeTruthy();
    const site = screen.getByRole('link', { name: /^ria2\.example\.vn/ });
    expect(site.getAttribute('href')).toBe('https://ria2.example.vn');
    expect(site.getAttribute('rel')).toContain('noopener');
  });

  it('describes them; each sector links to a search for it; expertise listed', async () => {
    api(profileDto());
    render(anonymous());
    expect(await screen.findByText(/Viện nghiên cứu giống, dinh dưỡng/)).toBeTruthy();
    const sectors = screen.getByRole('list', { name: 'Lĩnh vực hoạt động' });
    expect(within(sectors).getByRole('link', { name: 'Thủy sản' }).getAttribute('href')).toBe(
      '/search?sector=aquaculture',
    );
    const expertise = screen.getByRole('list', { name: 'Chuyên môn' });
    expect(
      within(expertise)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Nuôi tôm tuần hoàn', 'Di truyền chọn giống']);
  });

  it('counts live offers, demands and completed deals', async () => {
    api(profileDto());
    render(anonymous());
    await screen.findByRole('heading', { level: 1 });
    const values = Object.fromEntries(
      screen.getAllByRole('term').map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(values['Giao dịch hoàn tất']).toBe('4');
    expect(values['Công nghệ đang chào']).toBe('12');
  });

  it('signed out: the contact person without e-mail and phone, and a way to sign in to see them', async () => {
    api(profileDto({ contact: { name: 'Trần Thị Mai', title: 'Trưởng phòng' } }));
    render(anonymous());
    const contact = await screen.findByRole('region', { name: 'Người liên hệ' });
    expect(within(contact).getByText('Trần Thị Mai')).toBeTruthy();
    expect(within(contact).queryByRole('link', { name: /@/ })).toBeNull();
    expect(within(contact).getByRole('link', { name: 'Đăng nhập để xem email và số điện thoại' })).toBeTruthy();
  });

  it('signed in: e-mail and phone as links', async () => {
    api(profileDto());
    render(signedIn({ id: 'org2' }));
    const contact = await screen.findByRole('region', { name: 'Người liên hệ' });
    expect(within(contact).getByRole('link', { name: 'mai@ria2.example.vn' }).getAttribute('href')).toBe(
      'mailto:mai@ria2.example.vn',
    );
    expect(within(contact).getByRole('link', { name: '0292 3821 234' }).getAttribute('href')).toBe('tel:02923821234');
    expect(screen.queryByRole('region', { name: 'Mức hoàn thiện hồ sơ' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Chỉnh sửa hồ sơ' })).toBeNull();
  });

  it('to its owner: how complete the profile is, what is missing in words, and a link to edit', async () => {
    api(
      profileDto({ description: null, completeness: { percent: 60, missing: ['description', 'foundedYear', 'logo'] } }),
    );
    render(signedIn({ id: 'org1' }));
    const hint = await screen.findByRole('region', { name: 'Mức hoàn thiện hồ sơ' });
    expect(within(hint).getByText('Hồ sơ đã hoàn thiện 60%')).toBeTruthy();
    expect(within(hint).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('60');
    expect(within(hint).getByText('Còn thiếu: phần giới thiệu, năm thành lập và logo.')).toBeTruthy();
    expect(within(hint).getByRole('link', { name: 'Chỉnh sửa hồ sơ' }).getAttribute('href')).toBe(
      '/organization/profile',
    );
    expect(screen.getByText('Tổ chức chưa viết phần giới thiệu.')).toBeTruthy();
  });

  it('to a plain member: the hint without the edit link', async () => {
    api(profileDto({ completeness: { percent: 90, missing: ['website'] } }));
    const member = signedIn({ id: 'org1' });
    render({ ...member, user: member.user && { ...member.user, orgRole: 'member' } });
    const hint = await screen.findByRole('region', { name: 'Mức hoàn thiện hồ sơ' });
    expect(within(hint).queryByRole('link')).toBeNull();
    expect(within(hint).getByText(/Chủ sở hữu hoặc quản trị viên/)).toBeTruthy();
  });

  it('reads an older answer without the profile fields (initials instead of a logo)', async () => {
    api({
      id: 'org1',
      name: 'Công ty Cơ khí An Phát',
      type: 'enterprise',
      province: 'HN',
      verified: false,
      createdAt: '2025-01-01T00:00:00.000Z',
      stats: { offers: 1, demands: 0 },
    } as Partial<OrganizationProfileDto>);
    const { container } = render(anonymous());
    expect(await screen.findByRole('heading', { level: 1, name: 'Công ty Cơ khí An Phát' })).toBeTruthy();
    expect(container.querySelector('.org-logo--initials')?.textContent).toBe('CP');
    expect(screen.getByText('Tổ chức chưa nêu người liên hệ.')).toBeTruthy();
  });
});
