import { afterEach, describe, expect, it } from '@jest/globals';
import type { BookmarkDto } from '@techbridge/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { queryKeys } from '../../api/queryKeys';
import type { AuthContextValue } from '../../auth/context';
import { deferred, stubFetch } from '../../test/fetchStub';
import { offerDto } from '../../test/fixtures';
import { renderWithProviders, signedIn, testQueryClient } from '../../test/render';
import { BookmarkToggle } from './BookmarkToggle';
import { applyChange, type SavedEntry } from './useBookmarks';

let restore = () => {};
afterEach(() => restore());

const saved = (id: string): BookmarkDto => ({ type: 'offer', listingId: id, listing: offerDto({ id }) });

/** The bookmark routes as the server answers them, over a list it keeps; `before` may hold a write back. */
function bookmarkServer(initial: BookmarkDto[], before?: () => Promise<unknown>) {
  const store = [...initial];
  const stub = stubFetch(async ({ method, url, body }) => {
    if (method === 'GET') return { status: 200, body: { data: store } };
    await before?.();
    if (method === 'POST') {
      const { listingId } = body as { listingId: string };
      const known = store.some((b) => b.listingId === listingId);
      if (!known) store.unshift(saved(listingId));
      return { status: known ? 200 : 201, body: { data: saved(listingId) } };
    }
    const id = url.split('/').at(-1);
    const index = store.findIndex((b) => b.listingId === id);
    if (index < 0) return { status: 404, body: { error: { code: 'not_found', message: 'Bookmark not found' } } };
    store.splice(index, 1);
    return { status: 204 };
  });
  restore = stub.restore;
  return { ...stub, store };
}

function seeded(list: BookmarkDto[]) {
  const client = testQueryClient();
  client.setQueryData(queryKeys.bookmarks, { data: list });
  return client;
}

/** Stands in for /login: shows where it was asked to come back to. */
function LoginProbe() {
  const from = (useLocation().state as { from?: { pathname: string; search: string } } | null)?.from;
  return <p>login from {`${from?.pathname}${from?.search}`}</p>;
}

function anonymous(): AuthContextValue {
  return { ...signedIn({ id: 'org2' }), status: 'anonymous', user: null, organization: null, accessToken: null };
}

describe('applyChange', () => {
  const entry = (id: string): SavedEntry => ({ type: 'offer', listingId: id, listing: null });
  it('puts a save first, once, and drops a removal', () => {
    const list = [entry('a'), entry('b')];
    expect(applyChange(list, { type: 'offer', listingId: 'b', save: true }).map((e) => e.listingId)).toEqual([
      'b',
      'a',
    ]);
    expect(applyChange(list, { type: 'demand', listingId: 'c', save: true }).map((e) => e.listingId)).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(applyChange(list, { type: 'offer', listingId: 'a', save: false }).map((e) => e.listingId)).toEqual(['b']);
  });
});

describe('BookmarkToggle', () => {
  it('saves at once (aria-pressed), then keeps the server’s copy', async () => {
    const held = deferred<void>();
    const stub = bookmarkServer([], () => held.promise);
    const { queryClient } = renderWithProviders(<BookmarkToggle type="offer" listingId="o1" title="Nuôi tôm" />, {
      auth: signedIn({ id: 'org2' }),
    });
    const button = await screen.findByRole('button', { name: 'Lưu: Nuôi tôm' });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    expect(button.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(button);
    // Optimistic: pressed before the server has answered.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Đã lưu: Nuôi tôm' })).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Đã lưu: Nuôi tôm' }).getAttribute('aria-pressed')).toBe('true');
    const post = stub.calls.find((c) => c.method === 'POST');
    expect(post?.url).toBe('/api/bookmarks');
    expect(post?.body).toEqual({ type: 'offer', listingId: 'o1' });

    held.resolve();
    await waitFor(() =>
      expect(queryClient.getQueryData<{ data: SavedEntry[] }>(queryKeys.bookmarks)?.data[0]?.listing?.title).toBe(
        offerDto().title,
      ),
    );
  });

  it('puts the state back and says so when saving fails', async () => {
    const stub = stubFetch(({ method }) =>
      method === 'GET'
        ? { status: 200, body: { data: [] } }
        : { status: 500, body: { error: { code: 'internal', message: 'boom' } } },
    );
    restore = stub.restore;
    renderWithProviders(<BookmarkToggle type="offer" listingId="o1" />, { auth: signedIn({ id: 'org2' }) });
    const button = await screen.findByRole('button', { name: 'Lưu' });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    fireEvent.click(button);
    expect((await screen.findByRole('alert')).textContent).toContain('Không lưu được tin');
    expect(screen.getByRole('button', { name: 'Lưu' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('removes a saved listing; "not saved" (404) counts as done', async () => {
    const stub = bookmarkServer([saved('o1')]);
    // Removed meanwhile elsewhere (another tab): the server answers 404.
    stub.store.splice(0);
    renderWithProviders(<BookmarkToggle type="offer" listingId="o1" />, {
      auth: signedIn({ id: 'org2' }),
      queryClient: seeded([saved('o1')]),
    });
    const button = await screen.findByRole('button', { name: 'Đã lưu' });
    fireEvent.click(button);
    await waitFor(() =>
      expect(stub.calls.some((c) => c.method === 'DELETE' && c.url === '/api/bookmarks/o1')).toBe(true),
    );
    await waitFor(() => expect(screen.getByRole('button', { name: 'Lưu' }).getAttribute('aria-pressed')).toBe('false'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('signed out: a link to sign in that comes back here', async () => {
    restore = stubFetch(() => ({ status: 500 })).restore;
    renderWithProviders(
      <Routes>
        <Route path="/offers/:id" element={<BookmarkToggle type="offer" listingId="o1" />} />
        <Route path="/login" element={<LoginProbe />} />
      </Routes>,
      { auth: anonymous(), route: '/offers/o1?x=1' },
    );
    const link = screen.getByRole('link', { name: /Lưu/ });
    expect(link.getAttribute('href')).toBe('/login');
    fireEvent.click(link);
    expect(await screen.findByText('login from /offers/o1?x=1')).toBeTruthy();
  });
});
