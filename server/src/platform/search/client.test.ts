import type { MeiliSearch } from 'meilisearch';
import { type Search, searchEach } from './client';

/** A Search whose client records the multi-search requests it is given (a stub: what is sent is the question). */
function recording() {
  const sent: unknown[] = [];
  const client = {
    multiSearch: async (body: { queries: { q: string }[] }) => {
      sent.push(body);
      return { results: body.queries.map((q) => ({ hits: [{ q: q.q }] })) };
    },
  } as unknown as MeiliSearch;
  const search: Search = {
    client,
    indexName: (base) => `test_${base}`,
    searchIndex: async () => {
      throw new Error('not used');
    },
    healthy: async () => true,
  };
  return { search, sent };
}

describe('searchEach', () => {
  it('sends the searches of one index in one request and answers each with its own hits, in order', async () => {
    const { search, sent } = recording();
    const results = await searchEach(search, 'listings', [{ q: 'nuoi tom' }, { q: 'ca tra', limit: 5 }]);
    expect(sent).toEqual([
      {
        queries: [
          { q: 'nuoi tom', indexUid: 'test_listings' },
          { q: 'ca tra', limit: 5, indexUid: 'test_listings' },
        ],
      },
    ]);
    expect(results.map((r) => r.hits)).toEqual([[{ q: 'nuoi tom' }], [{ q: 'ca tra' }]]);
  });

  it('sends nothing when there is nothing to search', async () => {
    const { search, sent } = recording();
    expect(await searchEach(search, 'listings', [])).toEqual([]);
    expect(sent).toEqual([]);
  });
});
