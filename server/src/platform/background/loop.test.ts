import pino from 'pino';
import { BackgroundLoop, backoffMs } from './loop';

const log = pino({ level: 'silent' });
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('BackgroundLoop', () => {
  it('runs again for a call made during a pass (the pass under way may have missed the caller’s write)', async () => {
    let passes = 0;
    let release: () => void = () => undefined;
    const loop = new BackgroundLoop({
      name: 'test',
      log,
      pollMs: 60_000,
      pass: async () => {
        passes += 1;
        if (passes === 1) await new Promise<void>((r) => (release = r));
        return false;
      },
    });
    const first = loop.run();
    await tick();
    const second = loop.run();
    expect(passes).toBe(1);
    release();
    await first;
    await second;
    expect(passes).toBe(2);
  });

  it('calls made together during a pass share the one next pass', async () => {
    let passes = 0;
    let release: () => void = () => undefined;
    const loop = new BackgroundLoop({
      name: 'test',
      log,
      pollMs: 60_000,
      pass: async () => {
        passes += 1;
        if (passes === 1) await new Promise<void>((r) => (release = r));
        return false;
      },
    });
    const first = loop.run();
    await tick();
    const calls = [loop.run(), loop.run(), loop.run()];
    release();
    await Promise.all([first, ...calls]);
    expect(passes).toBe(2);
  });

  it('keeps draining while a pass says more work is waiting', async () => {
    let left = 3;
    const loop = new BackgroundLoop({ name: 'test', log, pollMs: 60_000, pass: async () => --left > 0 });
    await loop.run();
    expect(left).toBe(0);
  });

  it('rejects the callers of a failed pass and retries by itself with the back-off', async () => {
    let calls = 0;
    const loop = new BackgroundLoop({
      name: 'test',
      log,
      pollMs: 60_000,
      pass: async () => {
        calls += 1;
        if (calls === 1) throw new Error('down');
        return false;
      },
    });
    loop.start();
    await expect(loop.run()).rejects.toThrow('down');
    expect(loop.failures).toBe(1);
    // The retry comes after backoffMs(1) without anyone asking.
    await tick(backoffMs(1) + 100);
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(loop.failures).toBe(0);
    await loop.stop();
  });

  it('debounces wake-ups into one pass and never wakes before start or after stop', async () => {
    let passes = 0;
    const loop = new BackgroundLoop({
      name: 'test',
      log,
      pollMs: 60_000,
      debounceMs: 20,
      pass: async () => {
        passes += 1;
        return false;
      },
    });
    loop.wake();
    await tick(40);
    expect(passes).toBe(0);
    loop.start();
    await tick(10);
    const afterStart = passes;
    for (let i = 0; i < 10; i++) loop.wake();
    await tick(60);
    expect(passes).toBe(afterStart + 1);
    await loop.stop();
    loop.wake();
    await tick(40);
    expect(passes).toBe(afterStart + 1);
  });

  it('yields to requests in flight between the passes of a long drain', async () => {
    const waits: number[] = [];
    let left = 3;
    const loop = new BackgroundLoop({
      name: 'test',
      log,
      pollMs: 60_000,
      pass: async () => --left > 0,
      yieldTo: {
        idle: async (ms) => {
          waits.push(ms);
          return true;
        },
      },
    });
    await loop.run();
    expect(waits).toHaveLength(2);
  });

  it('has one back-off policy: doubling from 0.5 s, capped at 5 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(backoffMs)).toEqual([0, 500, 1000, 2000, 4000, 5000, 5000]);
  });
});
