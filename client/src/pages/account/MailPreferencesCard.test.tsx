import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../../test/render';
import { MailPreferencesCard } from './MailPreferencesCard';

const stored = {
  matches: 'digest',
  dealMessages: 'immediate',
  dealUpdates: 'immediate',
  savedSearches: 'digest',
  decisions: 'immediate',
  events: 'immediate',
};

type FetchArgs = [string, { method?: string; body?: string }?];
let calls: FetchArgs[] = [];
const realFetch = globalThis.fetch;

// jsdom has no fetch API: the few parts the API client uses.
class StubHeaders {
  private readonly values = new Map<string, string>();
  constructor(init: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(init)) this.values.set(k.toLowerCase(), v);
  }
  set(k: string, v: string) {
    this.values.set(k.toLowerCase(), v);
  }
  get(k: string) {
    return this.values.get(k.toLowerCase()) ?? null;
  }
}
(globalThis as { Headers?: unknown }).Headers ??= StubHeaders;

beforeEach(() => {
  calls = [];
  // The API answered as the server does: GET the preferences, PUT a change and get them all back.
  globalThis.fetch = jest.fn(async (url: string, init?: { method?: string; body?: string }) => {
    calls.push([url, init]);
    const change = init?.method === 'PUT' ? JSON.parse(init.body ?? '{}') : {};
    const body = JSON.stringify({ data: { ...stored, ...change } });
    return {
      status: 200,
      ok: true,
      headers: new StubHeaders(),
      text: async () => body,
      json: async () => JSON.parse(body),
    };
  }) as unknown as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('MailPreferencesCard', () => {
  it('shows a choice of three per kind, and saves a change of one kind alone', async () => {
    renderWithProviders(<MailPreferencesCard />);
    const matches = await screen.findByRole('group', { name: 'Kết nối phù hợp mới' });
    expect(
      within(matches)
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).value),
    ).toEqual(['immediate', 'digest', 'off']);
    expect((within(matches).getByRole('radio', { name: 'Bản tin hằng ngày' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getAllByRole('group')).toHaveLength(6);

    fireEvent.click(within(matches).getByRole('radio', { name: 'Tắt' }));
    await waitFor(() => expect(calls.some(([, init]) => init?.method === 'PUT')).toBe(true));
    const [url, init] = calls.find(([, i]) => i?.method === 'PUT')!;
    expect(url).toBe('/api/me/notification-preferences');
    expect(JSON.parse(init?.body ?? '')).toEqual({ matches: 'off' });
    await waitFor(() =>
      expect((within(matches).getByRole('radio', { name: 'Tắt' }) as HTMLInputElement).checked).toBe(true),
    );
  });
});
