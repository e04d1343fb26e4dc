import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { SearchResponse } from '@techbridge/shared';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { searchListings } from '../../api/search';
import { renderWithProviders, signedIn } from '../../test/render';
import { SearchPage } from './SearchPage';

jest.mock('../../api/search', () => ({ searchListings: jest.fn() }));
const search = searchListings as jest.MockedFunction<typeof searchListings>;

const empty = { type: {}, sector: {}, province: {}, trl: {}, ipStatus: {}, transferMode: {}, orgType: {} };
const response: SearchResponse = { hits: [], facets: empty, total: 12, page: 1, limit: 10 };

const toggle = () => screen.getByRole('button', { name: /^Bộ lọc/ });
const sheet = () => screen.getByRole('dialog', { name: 'Bộ lọc' });
const active = () => document.activeElement as HTMLElement;
const press = (key: string, shiftKey = false) => fireEvent.keyDown(active(), { key, shiftKey });

/** On a phone the filters open as a sheet over the results (styles are not loaded here: the roles and focus are what count). */
describe('search: the filters sheet on a phone', () => {
  beforeEach(() => {
    // jsdom has no layout: closing the sheet scrolls the results into view.
    Element.prototype.scrollIntoView = jest.fn();
    search.mockReset();
    search.mockResolvedValue(response);
  });

  it('is a modal dialog that takes focus, keeps it, and gives it back to its button on Escape', async () => {
    renderWithProviders(<SearchPage />, { route: '/search?sector=aquaculture', auth: signedIn({ id: 'org2' }) });
    expect(screen.queryByRole('dialog')).toBeNull();
    toggle().focus();
    fireEvent.click(toggle());
    const dialog = sheet();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    // Focus moves in, to the sheet's heading.
    expect(active()).toBe(screen.getByRole('heading', { name: 'Bộ lọc' }));

    // Shift+Tab from the heading wraps to the last control ("Xem 12 kết quả"), Tab from there to the first.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Xem 12 kết quả' })).toBeTruthy());
    press('Tab', true);
    expect(active()).toBe(screen.getByRole('button', { name: 'Xem 12 kết quả' }));
    press('Tab');
    expect(active()).toBe(within(dialog).getByRole('button', { name: 'Xóa tất cả bộ lọc' }));
    expect(dialog.contains(active())).toBe(true);
    // Focus sent outside (a click behind the sheet, a screen reader's jump) comes back in.
    act(() => screen.getByRole('searchbox').focus());
    expect(dialog.contains(active())).toBe(true);

    press('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(active()).toBe(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
  });

  it('"Xem N kết quả" closes it and focus returns to the button that opened it', async () => {
    renderWithProviders(<SearchPage />, { route: '/search', auth: signedIn({ id: 'org2' }) });
    fireEvent.click(toggle());
    expect(active()).toBe(screen.getByRole('heading', { name: 'Bộ lọc' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Xem 12 kết quả' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(active()).toBe(toggle());
    // Closed, the panel is a plain region again and Tab is left alone.
    expect(screen.getByRole('region', { name: 'Bộ lọc' })).toBeTruthy();
  });
});
