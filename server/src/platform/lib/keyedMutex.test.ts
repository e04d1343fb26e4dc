import { keyedMutex } from './keyedMutex';

describe('keyedMutex', () => {
  it('runs work for one key one at a time, in call order, and other keys in parallel', async () => {
    const run = keyedMutex();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([run('a', task('a1', 30)), run('a', task('a2', 1)), run('b', task('b1', 5))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('keeps going after a failure', async () => {
    const run = keyedMutex();
    await expect(run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(run('k', async () => 42)).resolves.toBe(42);
  });
});
