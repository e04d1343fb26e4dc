import { jest } from '@jest/globals';

/** One answer of the stubbed API: a status and a JSON body (none for 204). */
export interface StubAnswer {
  status: number;
  body?: unknown;
}

export interface StubCall {
  method: string;
  url: string;
  body: unknown;
}

/** Handles a request; may return a promise to hold the answer back (e.g. to see an optimistic change). */
export type StubHandler = (call: StubCall) => StubAnswer | Promise<StubAnswer>;

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

/**
 * Replaces fetch with `handler` for the API client (answers as the server
 * does); returns the calls made and a restore function for afterEach.
 */
export function stubFetch(handler: StubHandler): { calls: StubCall[]; restore: () => void } {
  const real = globalThis.fetch;
  const calls: StubCall[] = [];
  globalThis.fetch = jest.fn(async (url: string, init?: { method?: string; body?: string }) => {
    const call = { method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(init.body) : undefined };
    calls.push(call);
    const answer = await handler(call);
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return {
      status: answer.status,
      ok: answer.status >= 200 && answer.status < 300,
      statusText: '',
      headers: new StubHeaders(),
      text: async () => text,
      json: async () => JSON.parse(text),
    };
  }) as unknown as typeof fetch;
  return {
    calls,
    restore: () => {
      globalThis.fetch = real;
    },
  };
}

/** A promise and its resolver, to release a held answer when the test is ready. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
