import {
  MeiliSearch,
  type MultiSearchParams,
  type MultiSearchQuery,
  type RecordAny,
  type SearchResponse,
  type Task,
} from 'meilisearch';
import { meiliHttp } from './httpClient';

/**
 * Search is a projection of MongoDB behind this small interface. Index names
 * carry a prefix so that several apps (tests) can share one Meilisearch.
 */
export interface Search {
  client: MeiliSearch;
  indexName(base: string): string;
  /** One search of an index, the request sent as it is (the search page's path; everything else uses the client). */
  searchIndex<T extends RecordAny>(indexBase: string, request: Record<string, unknown>): Promise<SearchResponse<T>>;
  healthy(): Promise<boolean>;
}

export function createSearch(url: string, apiKey: string, prefix: string): Search {
  const http = meiliHttp(url, apiKey);
  const client = new MeiliSearch({ host: url, apiKey, timeout: 10_000, httpClient: http.sdk });
  return {
    client,
    indexName: (base) => `${prefix}${base}`,
    searchIndex: (base, request) =>
      http.post(`/indexes/${encodeURIComponent(`${prefix}${base}`)}/search`, JSON.stringify(request)),
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

/**
 * Several searches of one index in one request (a round trip and a request to parse, whatever their number), each
 * with its own hits, in order; no request when there are none.
 */
export async function searchEach<T extends RecordAny>(
  search: Search,
  indexBase: string,
  queries: Omit<MultiSearchQuery, 'indexUid'>[],
): Promise<SearchResponse<T>[]> {
  if (!queries.length) return [];
  const indexUid = search.indexName(indexBase);
  const { results } = await search.client.multiSearch<MultiSearchParams, T>({
    queries: queries.map((q) => ({ ...q, indexUid })),
  });
  return results;
}

/** The longest wait between two polls of a task (see waitForTasks). */
const POLL_MAX_MS = 50;

/**
 * Waits until Meilisearch has processed the tasks, each within `timeoutMs`,
 * and resolves with them (failed ones included). Polls without an abort
 * signal: the SDK's own wait adds a listener to one signal per poll. Polls
 * at most 50 ms apart: a task's state costs Meilisearch ~0.2 ms to answer,
 * and a writer waiting on a second-long batch (an import's) learned of its
 * end ~100 ms late on average when the polls drew 200 ms apart.
 */
export async function waitForTasks(
  client: MeiliSearch,
  tasks: (number | { taskUid: number })[],
  timeoutMs = 15_000,
): Promise<Task[]> {
  const done: Task[] = [];
  for (const t of tasks) {
    const uid = typeof t === 'number' ? t : t.taskUid;
    const deadline = Date.now() + timeoutMs;
    for (let interval = 10; ; interval = Math.min(POLL_MAX_MS, interval * 2)) {
      const task = await client.tasks.getTask(uid);
      if (task.status !== 'enqueued' && task.status !== 'processing') {
        done.push(task);
        break;
      }
      if (Date.now() > deadline) throw new Error(`Meilisearch task ${uid} not done within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, interval));
    }
  }
  return done;
}

/** Waits for the tasks and fails unless every one succeeded. */
export async function applied(
  client: MeiliSearch,
  tasks: (number | { taskUid: number })[],
  timeoutMs?: number,
): Promise<void> {
  for (const task of await waitForTasks(client, tasks, timeoutMs)) {
    if (task.status !== 'succeeded')
      throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message}`);
  }
}
