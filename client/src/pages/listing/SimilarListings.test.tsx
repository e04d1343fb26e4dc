import { afterEach, describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import { searchHitDto } from '../../test/discoveryFixtures';
import { type StubAnswer, stubFetch } from '../../test/fetchStub';
import { renderWithProviders, signedIn } from '../../test/render';
import { SimilarListings } from './SimilarListings';

let restore = () => {};
afterEach(() => restore());

function api(similar: StubAnswer) {
  const stub = stubFetch(({ url }) => (url.endsWith('/similar') ? similar : { status: 200, body: { data: [] } }));
  restore = stub.restore;
  return stub;
}

describe('SimilarListings', () => {
  it('shows similar offers as cards under "Công nghệ tương tự"', async () => {
    const stub = api({
      status: 200,
      body: { data: [searchHitDto({ id: 'o2', title: 'Lọc sinh học cho ao tôm' }), searchHitDto({ id: 'o3' })] },
    });
    renderWithProviders(<SimilarListings type="offer" id="o1" />, { auth: signedIn({ id: 'org2' }) });
    const section = await screen.findByRole('region', { name: 'Công nghệ tương tự' });
    expect(await screen.findByRole('link', { name: 'Lọc sinh học cho ao tôm' })).toBeTruthy();
    expect(section.querySelectorAll('article')).toHaveLength(2);
    expect(stub.calls.some((c) => c.url === '/api/offers/o1/similar')).toBe(true);
  });

  it('names demands "Nhu cầu tương tự" and asks the demands route', async () => {
    const stub = api({ status: 200, body: { data: [searchHitDto({ id: 'd2', type: 'demand' })] } });
    renderWithProviders(<SimilarListings type="demand" id="d1" />, { auth: signedIn({ id: 'org2' }) });
    expect(await screen.findByRole('region', { name: 'Nhu cầu tương tự' })).toBeTruthy();
    expect(stub.calls.some((c) => c.url === '/api/demands/d1/similar')).toBe(true);
  });

  it('shows nothing at all when there is nothing similar', async () => {
    const stub = api({ status: 200, body: { data: [] } });
    const { container } = renderWithProviders(<SimilarListings type="offer" id="o1" />, {
      auth: signedIn({ id: 'org2' }),
    });
    await waitFor(() => expect(stub.calls.length).toBeGreaterThan(0));
    await waitFor(() => expect(container.querySelector('section')).toBeNull());
  });

  it('shows placeholders while loading, then the failure with a retry', async () => {
    api({ status: 500, body: { error: { code: 'internal', message: 'boom' } } });
    renderWithProviders(<SimilarListings type="offer" id="o1" />, { auth: signedIn({ id: 'org2' }) });
    expect(screen.getByRole('status').textContent).toBeTruthy();
    expect(await screen.findByText('Không tải được tin tương tự')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeTruthy();
  });
});
