import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { EventDto, LandingDto, SearchHit } from '@techbridge/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { getEvents } from '../api/events';
import { getLanding } from '../api/landing';
import type { AuthContextValue } from '../auth/context';
import i18n from '../i18n';
import { renderWithProviders, signedIn } from '../test/render';
import { HomePage } from './HomePage';

jest.mock('../api/landing', () => ({ getLanding: jest.fn() }));
jest.mock('../api/events', () => ({ getEvents: jest.fn() }));
const landing = getLanding as jest.MockedFunction<typeof getLanding>;
const events = getEvents as jest.MockedFunction<typeof getEvents>;

const anonymous: AuthContextValue = {
  ...signedIn({ id: 'org' }),
  status: 'anonymous',
  accessToken: null,
  user: null,
  organization: null,
};

function hit(id: string, type: 'offer' | 'demand', title: string): SearchHit {
  return {
    id,
    type,
    lang: 'vi',
    image: null,
    title,
    summary: `${title} — tóm tắt`,
    organization: { id: 'org1', name: 'Viện Cơ điện' },
    sectors: ['agriculture'],
    province: 'TNG',
    trl: type === 'offer' ? 7 : null,
    ipStatus: null,
    transferModes: [],
    publishedAt: '2026-11-30T08:00:00.000Z',
    highlight: { title, summary: `${title} — tóm tắt` },
  };
}

const figures: LandingDto = {
  counters: { offers: 1234, demands: 87, dealsUnderWay: 19, provinces: 14 },
  sectors: { crops: 42, aquaculture: 7 },
  newest: {
    offers: [hit('o1', 'offer', 'Máy sấy chè bằng bơm nhiệt'), hit('o2', 'offer', 'Giống lúa chịu mặn')],
    demands: [hit('d1', 'demand', 'Cần dây chuyền chế biến cà phê')],
  },
};

const event = {
  id: 'e1',
  title: 'Techmart Thái Nguyên 2027',
  startsAt: '2027-03-10T01:00:00.000Z',
  endsAt: '2027-03-11T10:00:00.000Z',
  location: { venue: 'Trung tâm Hội nghị tỉnh', address: null, province: 'TNG' },
  province: 'TNG',
} as EventDto;

const renderHome = () => renderWithProviders(<HomePage />, { auth: anonymous });

describe('the landing page', () => {
  beforeEach(() => {
    landing.mockResolvedValue({ data: figures });
    events.mockResolvedValue({ data: [] });
  });
  afterEach(async () => {
    await i18n.changeLanguage('vi');
  });

  it('shows the live counters', async () => {
    renderHome();
    const counters = await screen.findByRole('region', { name: 'TechBridge hôm nay' });
    await waitFor(() => expect(within(counters).getByText('1.234')).toBeTruthy());
    const pairs = within(counters)
      .getAllByRole('definition')
      .map((dd) => [dd.previousElementSibling?.textContent, dd.textContent]);
    expect(pairs).toEqual([
      ['công nghệ chào bán', '1.234'],
      ['nhu cầu công nghệ', '87'],
      ['giao dịch đang triển khai', '19'],
      ['tỉnh, thành có tin đăng', '14'],
    ]);
  });

  it('shows a dash for deals under way before the first count', async () => {
    landing.mockResolvedValue({ data: { ...figures, counters: { ...figures.counters, dealsUnderWay: null } } });
    renderHome();
    const counters = await screen.findByRole('region', { name: 'TechBridge hôm nay' });
    await waitFor(() => expect(within(counters).getByText('1.234')).toBeTruthy());
    expect(counters.querySelector('[data-counter="deals"]')?.textContent).toBe('—');
  });

  it('lists the newest offers and the newest demands, each with a link to all of them', async () => {
    renderHome();
    const offers = (await screen.findByRole('heading', { name: 'Công nghệ chào bán mới' }))
      .parentElement as HTMLElement;
    const demands = screen.getByRole('heading', { name: 'Nhu cầu công nghệ mới' }).parentElement as HTMLElement;
    await waitFor(() => expect(within(offers).getByRole('link', { name: 'Máy sấy chè bằng bơm nhiệt' })).toBeTruthy());
    expect(within(offers).getByRole('link', { name: 'Máy sấy chè bằng bơm nhiệt' }).getAttribute('href')).toBe(
      '/offers/o1',
    );
    expect(within(offers).getByRole('link', { name: 'Giống lúa chịu mặn' })).toBeTruthy();
    expect(within(offers).queryByText('Cần dây chuyền chế biến cà phê')).toBeNull();
    expect(within(demands).getByRole('link', { name: 'Cần dây chuyền chế biến cà phê' }).getAttribute('href')).toBe(
      '/demands/d1',
    );
    expect(within(offers).getByRole('link', { name: 'Xem tất cả công nghệ chào bán' }).getAttribute('href')).toBe(
      '/search?type=offer&sort=newest',
    );
    expect(within(demands).getByRole('link', { name: 'Xem tất cả nhu cầu' }).getAttribute('href')).toBe(
      '/search?type=demand&sort=newest',
    );
  });

  it('makes every sector chip a link to a search in that sector, with its count', async () => {
    renderHome();
    const section = (await screen.findByRole('heading', { name: 'Lĩnh vực trên sàn' })).closest(
      'section',
    ) as HTMLElement;
    await waitFor(() => expect(within(section).getByText('42 tin đăng')).toBeTruthy());
    const chip = within(section).getByRole('link', { name: /^Trồng trọt/ });
    expect(chip.getAttribute('href')).toBe('/search?sector=crops');
    const links = within(section).getAllByRole('link');
    expect(links.every((a) => /^\/search\?sector=[a-z_]+$/.test(a.getAttribute('href') ?? ''))).toBe(true);
  });

  it('shows upcoming events only when there are some', async () => {
    renderHome();
    await screen.findByRole('heading', { name: 'Công nghệ chào bán mới' });
    await waitFor(() => expect(events).toHaveBeenCalledWith({ when: 'upcoming' }, expect.anything()));
    expect(screen.queryByRole('heading', { name: 'Sự kiện sắp diễn ra' })).toBeNull();
  });

  it('lists upcoming events with a link to each', async () => {
    events.mockResolvedValue({ data: [event] });
    renderHome();
    const heading = await screen.findByRole('heading', { name: 'Sự kiện sắp diễn ra' });
    const section = heading.closest('section') as HTMLElement;
    expect(within(section).getByRole('link', { name: 'Techmart Thái Nguyên 2027' }).getAttribute('href')).toBe(
      '/events/e1',
    );
    expect(within(section).getByText(/Trung tâm Hội nghị tỉnh/)).toBeTruthy();
  });

  it('speaks English', async () => {
    await i18n.changeLanguage('en');
    renderHome();
    const counters = await screen.findByRole('region', { name: 'TechBridge today' });
    await waitFor(() => expect(within(counters).getByText('1,234')).toBeTruthy());
    expect(screen.getByRole('heading', { name: 'New technology offers' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'New technology demands' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /^Crops/ }).getAttribute('href')).toBe('/search?sector=crops');
  });
});
