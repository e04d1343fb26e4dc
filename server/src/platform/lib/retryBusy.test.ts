import { retryBusy } from './retryBusy';

const busy = () => new Error('database is locked (5) (SQLITE_BUSY)');

describe('retryBusy', () => {
  it('retries SQLITE_BUSY and returns the first success', async () => {
    let calls = 0;
    const result = await retryBusy(async () => {
      calls += 1;
      if (calls < 3) throw busy();
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(
      retryBusy(async () => {
        calls += 1;
        throw new Error('E11000 duplicate key');
      }),
    ).rejects.toThrow('E11000');
    expect(calls).toBe(1);
  });
});
