import { Types } from 'mongoose';
import { insertManyOnce, retryBusy } from './retryBusy';

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

describe('insertManyOnce', () => {
  /** A collection that writes part of a batch and then refuses the rest with SQLITE_BUSY, once. */
  function flakyModel() {
    const stored = new Map<string, unknown>();
    let failed = false;
    return {
      stored,
      model: {
        async insertMany(docs: { _id: Types.ObjectId }[]) {
          for (const [i, d] of docs.entries()) {
            if (stored.has(String(d._id))) throw new Error('E11000 duplicate key');
            if (!failed && i === Math.floor(docs.length / 2)) {
              failed = true;
              throw busy();
            }
            stored.set(String(d._id), d);
          }
        },
        find(filter: { _id: { $in: Types.ObjectId[] } }) {
          return {
            lean: async () => filter._id.$in.filter((id) => stored.has(String(id))).map((_id) => ({ _id })),
          };
        },
      },
    };
  }

  it('writes every document exactly once when a refused batch had written part of itself', async () => {
    const { model, stored } = flakyModel();
    const docs = Array.from({ length: 10 }, (_, i) => ({ _id: new Types.ObjectId(), n: i }));
    await insertManyOnce(model as never, docs);
    expect([...stored.keys()].sort()).toEqual(docs.map((d) => String(d._id)).sort());
  });
});
