import { Types } from 'mongoose';
import { insertOnce, storedAlready } from './db';

const busy = () => Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' });

describe('insertOnce', () => {
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
        findById(id: string) {
          return { lean: async () => (stored.has(id) ? { _id: id } : null) };
        },
      },
    };
  }

  it('writes every document exactly once when a refused batch had written part of itself', async () => {
    const { model, stored } = flakyModel();
    const docs = Array.from({ length: 10 }, (_, i) => ({ _id: new Types.ObjectId(), n: i }));
    await insertOnce(model, docs);
    expect([...stored.keys()].sort()).toEqual(docs.map((d) => String(d._id)).sort());
  });
});

describe('storedAlready', () => {
  it('names the documents an unordered insert found stored already, and rethrows any other failure', () => {
    // The driver's write errors carry the code themselves or in `err`.
    const duplicates = Object.assign(new Error('E11000'), {
      writeErrors: [
        { index: 0, code: 11000 },
        { index: 3, err: { code: 11000 } },
      ],
    });
    expect(storedAlready(duplicates)).toEqual([0, 3]);
    const mixed = Object.assign(new Error('mixed'), {
      writeErrors: [
        { index: 0, code: 11000 },
        { index: 1, code: 121 },
      ],
    });
    expect(() => storedAlready(mixed)).toThrow('mixed');
    expect(() => storedAlready(new Error('SQLITE_BUSY'))).toThrow('SQLITE_BUSY');
  });
});
