import type { Request, Response } from 'express';
import type { Store } from 'express-rate-limit';
import type { Config } from '../../config';
import { ipKey, RateLimits } from './rateLimit';

const config = (search: number) =>
  ({
    rateLimits: { login: 5, register: 5, refresh: 5, search, message: 5, create: 5, mail: 5 },
  }) as unknown as Config;

/** Runs a middleware once; resolves with the headers it set and what it passed to next. */
function run(mw: ReturnType<RateLimits['http']>, ip = '203.0.113.7') {
  const headers: Record<string, string> = {};
  const res = { setHeader: (k: string, v: string) => (headers[k.toLowerCase()] = String(v)) } as unknown as Response;
  return new Promise<{ headers: Record<string, string>; error: unknown }>((resolve) =>
    mw({ ip } as Request, res, (error?: unknown) => resolve({ headers, error })),
  );
}

describe('RateLimits (HTTP)', () => {
  let limits: RateLimits;
  afterEach(() => limits.shutdown());

  it('lets a route through up to its budget, then answers 429 with Retry-After; each address counts apart', async () => {
    limits = new RateLimits(config(2));
    const mw = limits.http('search', undefined, 'get /search');
    const first = await run(mw);
    expect(first.error).toBeUndefined();
    expect(first.headers['ratelimit-policy']).toBe('"search"; q=2; w=60');
    expect(first.headers.ratelimit).toMatch(/^"search"; r=1; t=\d+$/);
    expect((await run(mw)).headers.ratelimit).toMatch(/^"search"; r=0; t=/);
    const third = await run(mw);
    expect(third.error).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(third.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await run(mw, '198.51.100.1')).error).toBeUndefined();
  });

  it('counts two routes of one budget apart, and a socket event under the budget itself', async () => {
    limits = new RateLimits(config(1));
    const a = limits.http('search', undefined, 'get /search');
    const b = limits.http('search', undefined, 'get /landing');
    expect((await run(a)).error).toBeUndefined();
    expect((await run(b)).error).toBeUndefined();
    expect((await run(a)).error).toMatchObject({ status: 429 });
    expect(await limits.consume('search', 'user:1')).toMatchObject({ allowed: true, remaining: 0 });
    expect(await limits.consume('search', 'user:1')).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('lets requests through while its store fails, and has the store set up again', async () => {
    limits = new RateLimits(config(1));
    const store = (limits as unknown as { store(id: string, windowMs: number): Store }).store('search', 60_000);
    const init = jest.spyOn(store, 'init');
    jest.spyOn(store, 'increment').mockRejectedValue(new Error('The client is offline'));
    expect(await limits.consume('search', 'k')).toEqual({ allowed: true, remaining: 1, retryAfter: 0 });
    expect(await limits.consume('search', 'k')).toMatchObject({ allowed: true });
    expect(init).toHaveBeenCalledTimes(2);
  });
});

describe('ipKey', () => {
  it('keys an IPv4 client (plain or as seen on a dual-stack socket) by its address, an IPv6 one by its /56', () => {
    const key = (ip: string) => ipKey({ ip } as Request);
    expect(key('203.0.113.7')).toBe('203.0.113.7');
    expect(key('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(key('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(key('2001:db8:abcd:12ff::1')).toBe('2001:db8:abcd:1200::/56');
    expect(key('2001:db8:abcd:1234::9')).toBe(key('2001:db8:abcd:12aa::1'));
  });
});
