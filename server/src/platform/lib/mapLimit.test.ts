import { mapLimit } from './mapLimit';

describe('mapLimit', () => {
  it('keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, n * 3));
      running -= 1;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });

  it('runs everything at once with no limit, and handles no items', async () => {
    let running = 0;
    let most = 0;
    await mapLimit([1, 2, 3, 4], Number.POSITIVE_INFINITY, async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
    });
    expect(most).toBe(4);
    expect(await mapLimit([], 3, async () => 1)).toEqual([]);
  });
});
