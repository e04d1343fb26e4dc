import { MeiliSearch } from 'meilisearch';
import { meiliHttpClient } from './httpClient';

/**
 * Search is a projection of MongoDB behind this small interface. Index names
 * carry a prefix so that several apps (tests) can share one Meilisearch.
 */
export interface Search {
  client: MeiliSearch;
  indexName(base: string): string;
  healthy(): Promise<boolean>;
}

export function createSearch(url: string, apiKey: string, prefix: string): Search {
  const client = new MeiliSearch({ host: url, apiKey, timeout: 10_000, httpClient: meiliHttpClient() });
  return {
    client,
    indexName: (base) => `${prefix}${base}`,
    async healthy() {
      try {
        const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
        return res.ok;
      } catch {
        return false;
      }
    },
  };
}
