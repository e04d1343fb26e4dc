import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { SearchHit, SearchResponse } from '@techbridge/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { searchListings } from '../../api/search';
import { renderWithProviders, signedIn } from '../../test/render';
import { SearchPage } from './SearchPage';

jest.mock('../../api/search', () => ({ searchListings: jest.fn() }));
const search = searchListings as jest.MockedFunction<typeof searchListings>;

function hit(patch: Partial<SearchHit>): SearchHit {
  const title = patch.title ?? 'Quy trình nuôi tôm tuần hoàn';
  return {
    id: 'o1',
    type: 'offer',
    lang: 'vi',
    title: 'Quy trình nuôi tôm tuần hoàn',
    summary: 'Nuôi tôm tuần hoàn RAS giảm 70% lượng nước thay.',
    organization: { id: 'org1', name: 'Viện Thủy sản' },
    sectors: ['aquaculture'],
    province: 'CTO',
    trl: 7,
    ipStatus: 'granted',
    transferModes: [],
    publishedAt: '2026-01-06T08:00:00.000Z',
    image: null,
    highlight: { title, summary: 'Nuôi tôm tuần hoàn RAS.' },
    ...patch,
  };
}

const empty = { type: {}, sector: {}, province: {}, trl: {}, ipStatus: {}, transferMode: {}, orgType: {} };
const response = (hits: SearchHit[]): SearchResponse => ({
  hits,
  facets: empty,
  total: hits.length,
  page: 1,
  limit: 10,
});

/** The router's current search string, shown so the test can read it. */
function Url() {
  return <output data-testid="url">{useLocation().search}</output>;
}

function renderSearch(route: string) {
  return renderWithProviders(
    <>
      <SearchPage />
      <Url />
    </>,
    { route, auth: signedIn({ id: 'org2' }) },
  );
}

const url = () => new URLSearchParams(screen.getByTestId('url').textContent ?? '');
const lastQuery = () => new URLSearchParams(search.mock.calls.at(-1)?.[0] ?? '');

describe('search: the language filter', () => {
  beforeEach(() => {
    search.mockReset();
    search.mockImplementation(async (query) =>
      new URLSearchParams(query).get('lang') === 'en'
        ? response([hit({ id: 'o2', lang: 'en', title: 'Recirculating shrimp farming' })])
        : response([hit({}), hit({ id: 'o2', lang: 'en', title: 'Recirculating shrimp farming' })]),
    );
  });

  it('offers "Tất cả / Tiếng Việt / English", all by default', async () => {
    renderSearch('/search?q=t%C3%B4m');
    const group = screen.getByRole('group', { name: 'Ngôn ngữ' });
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => (r.closest('label') as HTMLElement).textContent)).toEqual([
      'Tất cả',
      'Tiếng Việt',
      'English',
    ]);
    expect(radios[0]?.checked).toBe(true);
    await waitFor(() => expect(search).toHaveBeenCalled());
    expect(lastQuery().has('lang')).toBe(false);
  });

  it('puts the language in the URL and the API query, and the chip takes it out again', async () => {
    renderSearch('/search?q=t%C3%B4m&sector=aquaculture');
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    await waitFor(() => expect(url().get('lang')).toBe('en'));
    expect(url().get('q')).toBe('tôm');
    expect(url().get('sector')).toBe('aquaculture');
    await waitFor(() => expect(lastQuery().get('lang')).toBe('en'));
    expect(lastQuery().get('q')).toBe('tôm');

    fireEvent.click(screen.getByRole('button', { name: 'Bỏ lọc Ngôn ngữ: English' }));
    await waitFor(() => expect(url().has('lang')).toBe(false));
    const group = screen.getByRole('group', { name: 'Ngôn ngữ' });
    expect((within(group).getByRole('radio', { name: 'Tất cả' }) as HTMLInputElement).checked).toBe(true);
  });

  it('reads the language from the URL (a shared link) and counts it as a filter', async () => {
    renderSearch('/search?lang=vi');
    expect((screen.getByRole('radio', { name: 'Tiếng Việt' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: /Bộ lọc/ }).textContent).toContain('1');
    await waitFor(() => expect(lastQuery().get('lang')).toBe('vi'));
  });

  it('marks English listings in the results', async () => {
    renderSearch('/search');
    const english = await screen.findByRole('link', { name: 'Recirculating shrimp farming' });
    const card = english.closest('article') as HTMLElement;
    expect(within(card).getByText('Tin viết bằng tiếng Anh')).toBeTruthy();
    expect(card.querySelector('h3')?.getAttribute('lang')).toBe('en');
    const vietnamese = screen
      .getByRole('link', { name: 'Quy trình nuôi tôm tuần hoàn' })
      .closest('article') as HTMLElement;
    expect(within(vietnamese).queryByText('Tin viết bằng tiếng Anh')).toBeNull();
  });
});
