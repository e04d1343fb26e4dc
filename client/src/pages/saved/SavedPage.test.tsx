import { afterEach, describe, expect, it } from '@jest/globals';
import type { BookmarkDto } from '@techbridge/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { stubFetch } from '../../test/fetchStub';
import { demandDto, offerDto } from '../../test/fixtures';
import { renderWithProviders, signedIn } from '../../test/render';
import { SavedPage } from './SavedPage';

let restore = () => {};
afterEach(() => restore());

const offer: BookmarkDto = { type: 'offer', listingId: 'o1', listing: offerDto() };
const demand: BookmarkDto = { type: 'demand', listingId: 'd1', listing: demandDto() };

/** GET/POST/DELETE /api/bookmarks over a list, as the server keeps it; `failDelete` answers 500 to removals. */
function server(initial: BookmarkDto[], failDelete = false) {
  const store = [...initial];
  const all = [...initial];
  const stub = stubFetch(({ method, url, body }) => {
    if (method === 'GET') return { status: 200, body: { data: store } };
    if (method === 'POST') {
      const entry = all.find((b) => b.listingId === (body as { listingId: string }).listingId) as BookmarkDto;
      store.unshift(entry);
      return { status: 201, body: { data: entry } };
    }
    if (failDelete) return { status: 500, body: { error: { code: 'internal', message: 'boom' } } };
    const index = store.findIndex((b) => url.endsWith(`/${b.listingId}`));
    store.splice(index, 1);
    return { status: 204 };
  });
  restore = stub.restore;
  return { ...stub, store };
}

const render = () => renderWithProviders(<SavedPage />, { route: '/saved', auth: signedIn({ id: 'org2' }) });

describe('SavedPage ("Đã lưu")', () => {
  it('lists saved offers and demands apart, each linking to its page', async () => {
    server([offer, demand]);
    render();
    const offers = await screen.findByRole('region', { name: 'Công nghệ đã lưu (1)' });
    expect(within(offers).getByRole('link', { name: offerDto().title }).getAttribute('href')).toBe('/offers/o1');
    const demands = screen.getByRole('region', { name: 'Nhu cầu đã lưu (1)' });
    expect(within(demands).getByRole('link', { name: demandDto().title }).getAttribute('href')).toBe('/demands/d1');
  });

  it('removes one at once, and undo saves it again', async () => {
    const api = server([offer, demand]);
    render();
    fireEvent.click(await screen.findByRole('button', { name: `Bỏ lưu: ${offerDto().title}` }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /Công nghệ đã lưu/ })).toBeNull());
    expect(await screen.findByText(`Đã bỏ lưu “${offerDto().title}”.`)).toBeTruthy();
    await waitFor(() =>
      expect(api.calls.some((c) => c.method === 'DELETE' && c.url === '/api/bookmarks/o1')).toBe(true),
    );
    await waitFor(() => expect(api.store.map((b) => b.listingId)).toEqual(['d1']));

    fireEvent.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    expect(await screen.findByRole('region', { name: 'Công nghệ đã lưu (1)' })).toBeTruthy();
    await waitFor(() => expect(api.store.map((b) => b.listingId).sort()).toEqual(['d1', 'o1']));
  });

  it('puts a listing back when the removal fails, and says so', async () => {
    server([offer], true);
    render();
    fireEvent.click(await screen.findByRole('button', { name: `Bỏ lưu: ${offerDto().title}` }));
    expect(await screen.findByText(`Không bỏ lưu được “${offerDto().title}”. Vui lòng thử lại.`)).toBeTruthy();
    expect(await screen.findByRole('region', { name: 'Công nghệ đã lưu (1)' })).toBeTruthy();
  });

  it('says what to do when nothing is saved', async () => {
    server([]);
    render();
    expect(await screen.findByText('Bạn chưa lưu tin nào')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tìm công nghệ' }).getAttribute('href')).toBe('/search');
  });
});
